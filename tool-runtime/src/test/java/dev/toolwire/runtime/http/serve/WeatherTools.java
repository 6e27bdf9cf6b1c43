package dev.toolwire.runtime.http.serve;

import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import dev.toolwire.annotations.ToolParam;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@Singleton
@Requires(property = "spec.name", value = "ServeToolsTest")
public class WeatherTools {

    /**
     * Current weather in a city.
     *
     * @param city the city name
     * @param units the units
     * @param context the call context
     * @return the weather
     */
    @Tool(startMessage = "Let me check.")
    public Weather currentWeather(
            @Pattern(regexp = "^[A-Z][a-z]+$") String city,
            @ToolParam(defaultValue = "CELSIUS") Units units,
            ToolContext context) {
        if (city.equals("Atlantis")) {
            throw ToolException.notFound("I could not find a city called Atlantis.");
        }
        return new Weather(city, units, 21);
    }

    /**
     * Forecast for a city.
     *
     * @param city the city
     * @param days how many days
     * @return a summary
     */
    @Tool(method = HttpMethod.GET, path = "/forecast/{city}")
    public String forecast(String city, @Min(1) @Max(7) @ToolParam(defaultValue = "3") int days) {
        return city + " for " + days + " days";
    }
}
