package example.pharmacy;

import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import dev.toolwire.runtime.ToolException;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.Optional;

/** The pharmacy's tools for its phone agent. */
@Singleton
public class PharmacyTools {

    private final Map<String, Prescription> prescriptions = Map.of(
            "RX-100001", new Prescription("RX-100001", "Amoxicillin 500 mg", 2),
            "RX-100002", new Prescription("RX-100002", "Atorvastatin 20 mg", 0));

    /**
     * Looks up a prescription: what it is for and how many refills are left.
     *
     * @param rxNumber the prescription number on the label, for example RX-100001
     * @return the prescription
     */
    @Tool(method = HttpMethod.GET, path = "/prescriptions/{rx_number}", startMessage = "Let me find that prescription.")
    public Prescription findPrescription(@Pattern(regexp = "^RX-[0-9]{6}$") String rxNumber) {
        return Optional.ofNullable(prescriptions.get(rxNumber))
                .orElseThrow(() -> ToolException.notFound("I couldn't find prescription " + rxNumber + "."));
    }
}
