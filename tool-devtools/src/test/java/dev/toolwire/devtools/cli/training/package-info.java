/** Tools for {@code TrainCommandTest}: one per kind of request the training run sends. */
@NullMarked
package dev.toolwire.devtools.cli.training;

import org.jspecify.annotations.NullMarked;
