package dev.toolwire.testing;

import dev.toolwire.testing.FakeHamsa.Dialect;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake of each dialect for one test class: reset before each test, closed after the class.
 * Register it as a static field with {@code @RegisterExtension}.
 */
final class BothDialects implements BeforeEachCallback, AfterAllCallback {

    final FakeHamsa reference;
    final FakeHamsa guide;

    BothDialects(String key) {
        this.reference = FakeHamsa.start(key);
        this.guide = FakeHamsa.start(key + "-guide", Dialect.GUIDE);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reference.reset();
        guide.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        reference.close();
        guide.close();
    }
}
