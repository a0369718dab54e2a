package dev.switchboard.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostcodesTest {
    @Test
    void britishPostcodesAreUpperCaseWithOneSpaceBeforeTheInwardCode() {
        assertThat(Postcodes.normalise("GB", "sw1a1aa")).isEqualTo("SW1A 1AA");
        assertThat(Postcodes.normalise("gb", "  SW1A   1AA ")).isEqualTo("SW1A 1AA");
        assertThat(Postcodes.normalise("GB", "m11ae")).isEqualTo("M1 1AE");
        assertThat(Postcodes.normalise("GB", "B33 8TH")).isEqualTo("B33 8TH");
        assertThat(Postcodes.normalise("GB", "cr2 6xh")).isEqualTo("CR2 6XH");
        assertThat(Postcodes.normalise("GB", "DN55 1PT")).isEqualTo("DN55 1PT");
        assertThat(Postcodes.normalise("GB", "gir 0aa")).isEqualTo("GIR 0AA");
    }

    @Test
    void somethingThatCannotBeABritishPostcodeIsRefusedWithItsShape() {
        for (String bad : new String[] {"SW1A", "12345", "SW1A 1A", "1AA SW1", "SW1A-1AA!"}) {
            assertThatThrownBy(() -> Postcodes.normalise("GB", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a UK postcode").hasMessageContaining("SW1A 1AA");
        }
    }

    @Test
    void usZipCodesAreFiveDigitsOrZipPlusFour() {
        assertThat(Postcodes.normalise("US", " 94105 ")).isEqualTo("94105");
        assertThat(Postcodes.normalise("US", "94105-1234")).isEqualTo("94105-1234");
        assertThat(Postcodes.normalise("US", "941051234")).isEqualTo("94105-1234");
        assertThat(Postcodes.normalise("US", "02108")).as("the leading zero stays").isEqualTo("02108");
        assertThatThrownBy(() -> Postcodes.normalise("US", "9410")).hasMessageContaining("not a US ZIP code");
        assertThatThrownBy(() -> Postcodes.normalise("US", "94105-12")).hasMessageContaining("ZIP+4");
        assertThatThrownBy(() -> Postcodes.normalise("US", "SW1A 1AA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void germanAndFrenchPostcodesAreFiveDigits() {
        assertThat(Postcodes.normalise("DE", "10115")).isEqualTo("10115");
        assertThat(Postcodes.normalise("FR", "75 008")).isEqualTo("75008");
        assertThat(Postcodes.normalise("DE", "01067")).isEqualTo("01067");
        assertThatThrownBy(() -> Postcodes.normalise("DE", "1011")).hasMessageContaining("not a German postcode");
        assertThatThrownBy(() -> Postcodes.normalise("FR", "750080")).hasMessageContaining("not a French postcode");
        assertThatThrownBy(() -> Postcodes.normalise("FR", "7500A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dutchPostcodesAreFourDigitsASpaceAndTwoCapitals() {
        assertThat(Postcodes.normalise("NL", "1234ab")).isEqualTo("1234 AB");
        assertThat(Postcodes.normalise("NL", "1234  AB")).isEqualTo("1234 AB");
        assertThatThrownBy(() -> Postcodes.normalise("NL", "0123 AB")).hasMessageContaining("not a Dutch postcode");
        assertThatThrownBy(() -> Postcodes.normalise("NL", "1234 A")).hasMessageContaining("1234 AB");
        assertThatThrownBy(() -> Postcodes.normalise("NL", "12345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherCountriesAreTrimmedAndSingleSpacedOnly() {
        assertThat(Postcodes.normalise("IE", "  D02   X285 ")).isEqualTo("D02 X285");
        assertThat(Postcodes.normalise("", " 2000 ")).isEqualTo("2000");
        assertThat(Postcodes.normalise(null, "a\tb")).isEqualTo("a b");
        assertThatThrownBy(() -> Postcodes.normalise("JP", "1".repeat(21))).hasMessageContaining("too long");
    }

    @Test
    void aBlankPostcodeIsEmptyInEveryCountry() {
        assertThat(Postcodes.normalise("GB", null)).isEmpty();
        assertThat(Postcodes.normalise("US", "   ")).isEmpty();
        assertThat(Postcodes.normalise(null, "")).isEmpty();
    }

    @Test
    void theKeyIgnoresCaseSpacesAndHyphens() {
        assertThat(Postcodes.key("sw1a 1aa")).isEqualTo(Postcodes.key("SW1A1AA"));
        assertThat(Postcodes.key("94105-1234")).isEqualTo("941051234");
        assertThat(Postcodes.key(null)).isEmpty();
    }
}
