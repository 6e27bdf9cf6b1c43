package example.pharmacy;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/** The pharmacy's own API, secured by Micronaut Security with its own JWT key, not Toolwire's. */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class StockController {

    /**
     * How many packs of a medicine are in stock.
     *
     * @param medicine the medicine
     * @return the count
     */
    @Get("/stock/{medicine}")
    public Map<String, Object> stock(String medicine) {
        return Map.of("medicine", medicine, "packs", 12);
    }
}
