package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 21, cases 5 and 6: numbers are taken as written, and float32 parameters as the engine will see them. */
class ReaderNumbersTest {
    private static String net(String version, String units, String training) {
        return "{\"format\": \"backprop-studio.network\", \"version\": " + version + ", \"input\": {\"shape\": [2]},"
                + " \"layers\": [{\"type\": \"dense\", \"units\": " + units + "}]" + training + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            units 2^64 + 1 is not 1 | 1 | 18446744073709551617 | | n.json: $.layers[0].units: expected a whole number from 1 to 65536, found 18446744073709551617
            units 2^63 reported as itself | 1 | 9223372036854775808 | | n.json: $.layers[0].units: expected a whole number from 1 to 65536, found 9223372036854775808
            version 2^64 + 1 is not 1 | 18446744073709551617 | 2 | | n.json: $.version: expected a whole number from 1 to 2147483647, found 18446744073709551617
            version 2^63 reported as itself | 9223372036854775808 | 2 | | n.json: $.version: expected a whole number from 1 to 2147483647, found 9223372036854775808
            beta2 that rounds to 1 | 1 | 2 | , "training": {"optimizer": "adam", "beta2": 0.99999999} | n.json: $.training.beta2: expected a number below 1, found 0.99999999, which is 1.0 as a float32
            momentum that rounds to 1 | 1 | 2 | , "training": {"optimizer": "momentum", "momentum": 0.99999999} | n.json: $.training.momentum: expected a number from 0.0 to 0.9999, found 0.99999999
            seed beyond a long | 1 | 2 | , "seed": 9223372036854775808 | n.json: $.seed: expected a whole number from -9223372036854775808 to 9223372036854775807, found 9223372036854775808
            """)
    void refusedWithThePathAndTheNumberAsWritten(String what, String version, String units, String training, String message) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(net(version, units, training == null ? "" : training), "n.json"), what);
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0.999", "0.9999999"})
    void beta2BelowOneAsAFloatIsAccepted(String beta2) throws Exception {
        NetworkSpec s = SpecReader.parse(net("1", "2", ", \"training\": {\"optimizer\": \"adam\", \"beta2\": " + beta2 + "}"), "n.json");
        assertEquals(Double.parseDouble(beta2), s.training().beta2());
    }
}
