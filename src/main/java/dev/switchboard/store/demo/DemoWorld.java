package dev.switchboard.store.demo;

import dev.switchboard.store.demo.Country.City;
import dev.switchboard.store.demo.Country.PhonePrefix;
import dev.switchboard.store.demo.Topic.ChatScript;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists and templates the generator draws from, read once from {@code /demo/*.txt}.
 * Immutable, so one instance can serve any number of generations.
 */
final class DemoWorld {
    /** A product and its usual price, in the customer's currency units. */
    record Product(String name, int price) {
    }

    final Weighted<Country> countries;
    final List<Product> products;
    final List<String> plans;
    final List<String> companyRoots;
    final List<String> companyTrades;
    final Weighted<String> socialNetworks;
    final Weighted<Topic> topics;
    final List<Template> emailGreetings;
    final List<Template> emailClosings;
    final List<Template> emailFooters;
    final List<Template> emailReplies;
    final List<Template> phoneCallbacks;
    final List<Template> phoneVerifications;
    final List<Template> phoneOutcomes;
    final List<Template> phoneAbandoned;
    final List<ChatScript> chatOpenings;
    final List<ChatScript> chatClosings;
    final List<Template> chatAbandoned;
    final List<Template> socialReplies;
    final List<Template> genericNotes;
    /** Every culture, for names that do not depend on a country (agents writing ticket notes). */
    final List<Culture> cultures;

    private DemoWorld(WordFile names, WordFile countryFile, WordFile places, WordFile business,
                      WordFile templates) {
        Map<String, Culture> byName = new HashMap<>();
        for (String section : names.sections("first.")) {
            String culture = section.substring("first.".length());
            byName.put(culture, Culture.load(names, culture));
        }
        this.cultures = List.copyOf(byName.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList());
        List<Country> countryList = new ArrayList<>();
        List<Double> countryWeights = new ArrayList<>();
        for (String section : countryFile.sections("country.")) {
            countryList.add(country(countryFile, section, places, byName));
            countryWeights.add(Double.parseDouble(countryFile.value(section, "weight")));
        }
        this.countries = Weighted.of(countryList, countryWeights);
        this.products = business.lines("products").stream().map(DemoWorld::product).toList();
        this.plans = business.items("plans");
        this.companyRoots = business.items("company.roots");
        this.companyTrades = business.items("company.trades");
        this.socialNetworks = Weighted.parse(String.join(",", business.lines("social.networks")), s -> s);
        List<Topic> topicList = templates.sections("topic.").stream().map(s -> Topic.load(templates, s)).toList();
        this.topics = Weighted.of(topicList, topicList.stream().map(Topic::weight).toList());
        this.emailGreetings = Template.compileAll(templates.lines("email.greeting"));
        this.emailClosings = Template.compileAll(templates.lines("email.closing"));
        this.emailFooters = Template.compileAll(templates.lines("email.footer"));
        this.emailReplies = Template.compileAll(templates.lines("email.reply"));
        this.phoneCallbacks = Template.compileAll(templates.lines("phone.callback"));
        this.phoneVerifications = Template.compileAll(templates.lines("phone.verify"));
        this.phoneOutcomes = Template.compileAll(templates.lines("phone.outcome"));
        this.phoneAbandoned = Template.compileAll(templates.lines("phone.abandoned"));
        this.chatOpenings = templates.lines("chat.open").stream().map(ChatScript::parse).toList();
        this.chatClosings = templates.lines("chat.close").stream().map(ChatScript::parse).toList();
        this.chatAbandoned = Template.compileAll(templates.lines("chat.abandoned"));
        this.socialReplies = Template.compileAll(templates.lines("social.reply"));
        this.genericNotes = Template.compileAll(templates.lines("note.generic"));
    }

    static DemoWorld load() {
        return new DemoWorld(WordFile.load("/demo/names.txt"), WordFile.load("/demo/countries.txt"),
                WordFile.load("/demo/places.txt"), WordFile.load("/demo/business.txt"),
                WordFile.load("/demo/templates.txt"));
    }

    private static Country country(WordFile file, String section, WordFile places, Map<String, Culture> cultures) {
        String code = section.substring("country.".length());
        ZoneId zone = ZoneId.of(file.value(section, "zone"));
        List<City> cities = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String line : places.lines("cities." + code)) {
            String[] f = line.split("\\|");
            if (f.length < 4) {
                throw new IllegalStateException("city line needs 4 or 5 fields: " + line);
            }
            cities.add(new City(f[0].strip(), prefixes(Arrays.asList(f[1].strip().split("\\s+"))),
                    Arrays.asList(f[2].strip().split("\\s+")),
                    f.length > 4 ? ZoneId.of(f[4].strip()) : zone));
            weights.add(Double.parseDouble(f[3].strip()));
        }
        return new Country(code,
                Weighted.parse(file.value(section, "cultures"), name -> {
                    Culture c = cultures.get(name);
                    if (c == null) {
                        throw new IllegalStateException(code + ": unknown culture " + name);
                    }
                    return c;
                }),
                Weighted.of(cities, weights), places.items("streets." + code),
                prefixes(WordFile.splitList(file.value(section, "mobile"))),
                Weighted.parse(file.value(section, "mail"), s -> s),
                Weighted.parse(file.value(section, "company"), s -> s),
                file.value(section, "tld"), file.value(section, "currency"),
                "yes".equals(file.value(section, "month first")));
    }

    private static List<PhonePrefix> prefixes(List<String> specs) {
        return specs.stream().filter(s -> !s.isBlank()).map(PhonePrefix::parse).toList();
    }

    private static Product product(String line) {
        int bar = line.lastIndexOf('|');
        return new Product(line.substring(0, bar).strip(), Integer.parseInt(line.substring(bar + 1).strip()));
    }
}
