package dev.switchboard.store.demo;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.switchboard.store.demo.Country.City;
import dev.switchboard.store.demo.Country.PhonePrefix;
import dev.switchboard.store.demo.Template.Values;
import dev.switchboard.store.demo.Template.Var;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The word lists and the small parts the generator is built from. */
class DemoWorldTest {
    private final DemoWorld world = DemoWorld.load();

    @Test
    void hasSeveralCulturesWithAFewHundredNamesAndSixCountries() {
        assertThat(world.cultures).hasSizeGreaterThanOrEqualTo(10);
        assertThat(world.cultures.stream().mapToInt(c -> c.firstNames().size()).sum()).isGreaterThan(300);
        assertThat(world.cultures.stream().mapToInt(c -> c.lastNames().size()).sum()).isGreaterThan(300);
        assertThat(world.countries.items()).extracting(Country::code)
                .containsExactlyInAnyOrder("GB", "US", "IE", "DE", "FR", "AU");
        assertThat(world.countries.items()).allSatisfy(country -> {
            assertThat(country.cities().items()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(country.streets()).hasSizeGreaterThanOrEqualTo(20);
        });
    }

    @Test
    void everyPrefixYieldsValidNumbersOfTheRightCountry() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumbers phones = new PhoneNumbers(new UsedKeys());
        SplittableRandom r = new SplittableRandom(1);
        for (Country country : world.countries.items()) {
            for (City city : country.cities().items()) {
                for (PhonePrefix prefix : city.landlines()) {
                    City only = new City(city.name(), List.of(prefix), city.postcodes(), city.zone());
                    String number = phones.landline(country, only, r);
                    assertThat(isValid(util, number, country.code())).as(number + " for " + city.name()).isTrue();
                }
                String mobile = phones.mobile(country, city, r);
                assertThat(isValid(util, mobile, country.code())).as(mobile).isTrue();
            }
        }
    }

    @Test
    void phoneNumbersAreNeverHandedOutTwice() {
        UsedKeys used = new UsedKeys();
        PhoneNumbers phones = new PhoneNumbers(used);
        Country ireland = world.countries.items().stream().filter(c -> c.code().equals("IE")).findFirst().orElseThrow();
        City galway = ireland.cities().items().stream().filter(c -> c.name().equals("Galway")).findFirst().orElseThrow();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            phones.landline(ireland, galway, r);
        }
        assertThat(used.size()).isEqualTo(20_000);
    }

    @Test
    void templatesFillTheirPlaceholdersAndRejectUnknownOnes() {
        Values values = new Values().set(Var.FIRST, "Jane").set(Var.ORDER, "BW-1234567");
        assertThat(Template.compile("Hi {first},\\norder {order}.").render(values)).isEqualTo("Hi Jane,\norder BW-1234567.");
        assertThat(Template.compile("{company}").render(values)).isEmpty();
        assertThatThrownBy(() -> Template.compile("Hi {firstname}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Template.compile("Hi {first")).isInstanceOf(IllegalArgumentException.class);
        assertThat(world.topics.items()).hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(t -> assertThat(t.chats()).isNotEmpty());
    }

    @Test
    void usedKeysRemembersValuesAcrossGrowth() {
        UsedKeys keys = new UsedKeys();
        for (int i = 0; i < 50_000; i++) {
            assertThat(keys.add("value" + i)).isTrue();
        }
        assertThat(keys.add("value123")).isFalse();
        assertThat(keys.contains("value49999")).isTrue();
        assertThat(keys.contains("value50000")).isFalse();
        assertThat(keys.size()).isEqualTo(50_000);
    }

    @Test
    void namesFoldToAsciiForAddresses() {
        assertThat(Ascii.fold("Zoë")).isEqualTo("zoe");
        assertThat(Ascii.fold("O'Brien")).isEqualTo("obrien");
        assertThat(Ascii.fold("Weiß")).isEqualTo("weiss");
        assertThat(Ascii.fold("Łukasz")).isEqualTo("lukasz");
        assertThat(Ascii.fold("Yılmaz")).isEqualTo("yilmaz");
        assertThat(Ascii.fold("Jean-Luc")).isEqualTo("jeanluc");
    }

    private static boolean isValid(PhoneNumberUtil util, String e164, String region) {
        try {
            var number = util.parse(e164, "ZZ");
            return util.isValidNumber(number) && region.equals(util.getRegionCodeForNumber(number));
        } catch (Exception e) {
            return false;
        }
    }
}
