package dev.switchboard.store;

import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.CallingHours;
import dev.switchboard.domain.outbound.CallingWindow;
import dev.switchboard.domain.outbound.Campaign;
import dev.switchboard.domain.outbound.DiallingMode;
import dev.switchboard.domain.outbound.Disposition;
import dev.switchboard.domain.outbound.DncScope;
import dev.switchboard.domain.outbound.Purpose;
import dev.switchboard.domain.outbound.RetryPolicy;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Outbound campaigns: name, mode, purpose, calling windows per weekday, holidays, retry rules and the
 * abandon limit. Every campaign uses the standard dispositions ({@link Disposition#standard()}); the
 * domain campaign's id is the row's id as text.
 */
public final class CampaignStore {
    private final Jdbc jdbc;

    /** A stored campaign and what the rules do not hold: whether it runs, its list's default region, who made it. */
    public record Stored(long id, Campaign campaign, boolean active, String defaultRegion, long createdBy,
                         Instant createdAt) {
    }

    /** A campaign to create. */
    public record NewCampaign(String name, DiallingMode mode, Purpose purpose, CallingHours hours, RetryPolicy retry,
                              double maxAbandonRate, Duration abandonWindow, String defaultRegion,
                              List<Disposition> dispositions) {
    }

    public CampaignStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Creates a campaign with its windows, holidays and retry rules in one transaction. */
    public Stored create(NewCampaign n, long createdBy, Instant at) {
        long id = jdbc.inTransaction(c -> {
            long campaignId = Jdbc.insert(c, "INSERT INTO campaign (name, mode, purpose, active, default_region, "
                    + "max_attempts, max_abandon_rate, abandon_window_s, created_by, created_at) "
                    + "VALUES (?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, n.name());
                        ps.setString(2, n.mode().name());
                        ps.setString(3, n.purpose().name());
                        ps.setString(4, n.defaultRegion());
                        ps.setInt(5, n.retry().maxAttempts());
                        ps.setDouble(6, n.maxAbandonRate());
                        ps.setLong(7, n.abandonWindow().toSeconds());
                        ps.setLong(8, createdBy);
                        Jdbc.setInstant(ps, 9, at);
                    });
            for (Map.Entry<DayOfWeek, CallingWindow> w : n.hours().windows().entrySet()) {
                Jdbc.update(c, "INSERT INTO campaign_window (campaign_id, weekday, start_time, end_time) "
                        + "VALUES (?, ?, ?, ?)", ps -> {
                            ps.setLong(1, campaignId);
                            ps.setInt(2, w.getKey().getValue());
                            ps.setObject(3, w.getValue().start());
                            ps.setObject(4, w.getValue().end());
                        });
            }
            for (LocalDate day : n.hours().holidays()) {
                Jdbc.update(c, "INSERT INTO campaign_holiday (campaign_id, holiday) VALUES (?, ?)", ps -> {
                    ps.setLong(1, campaignId);
                    ps.setObject(2, day);
                });
            }
            for (int i = 0; i < n.dispositions().size(); i++) {
                Disposition d = n.dispositions().get(i);
                int position = i;
                Jdbc.update(c, "INSERT INTO campaign_disposition (campaign_id, position, code, hotkey, closes, callback, "
                        + "dnc_scope) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                            ps.setLong(1, campaignId);
                            ps.setInt(2, position);
                            ps.setString(3, d.code());
                            ps.setString(4, String.valueOf(d.key()));
                            ps.setBoolean(5, d.isFinal());
                            ps.setBoolean(6, d.schedulesCallback());
                            ps.setString(7, d.addsToDnc().map(Enum::name).orElse(null));
                        });
            }
            for (Map.Entry<AttemptResult, Duration> r : n.retry().retryAfter().entrySet()) {
                Jdbc.update(c, "INSERT INTO campaign_retry (campaign_id, result, delay_s) VALUES (?, ?, ?)", ps -> {
                    ps.setLong(1, campaignId);
                    ps.setString(2, r.getKey().name());
                    ps.setLong(3, r.getValue().toSeconds());
                });
            }
            return campaignId;
        });
        return find(id).orElseThrow();
    }

    /** Pauses or resumes a campaign, with its audit line (who, when, before and after) in the same transaction. */
    public void setActive(long id, boolean active, long by, Instant at) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "UPDATE campaign SET active = ? WHERE id = ?", ps -> {
                ps.setBoolean(1, active);
                ps.setLong(2, id);
            });
            Jdbc.update(c, "INSERT INTO audit_entry (actor_id, action, subject, before_value, after_value, at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setLong(1, by);
                        ps.setString(2, active ? "CAMPAIGN_RESUMED" : "CAMPAIGN_PAUSED");
                        ps.setString(3, "campaign " + id);
                        ps.setString(4, active ? "paused" : "active");
                        ps.setString(5, active ? "active" : "paused");
                        Jdbc.setInstant(ps, 6, at);
                    });
            return null;
        });
    }

    public Optional<Stored> find(long id) {
        return jdbc.read(c -> {
            List<Row> rows = Jdbc.query(c, SELECT + " WHERE id = ?", ps -> ps.setLong(1, id), CampaignStore::row);
            return rows.isEmpty() ? Optional.empty() : Optional.of(complete(c, rows.get(0)));
        });
    }

    /** Every campaign, oldest first; {@code activeOnly} leaves out the stopped ones. */
    public List<Stored> all(boolean activeOnly) {
        return jdbc.read(c -> {
            List<Row> rows = Jdbc.query(c, SELECT + (activeOnly ? " WHERE active = TRUE" : "") + " ORDER BY id",
                    ps -> { }, CampaignStore::row);
            List<Stored> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(complete(c, r));
            }
            return out;
        });
    }

    private static final String SELECT = "SELECT id, name, mode, purpose, active, default_region, max_attempts, "
            + "max_abandon_rate, abandon_window_s, created_by, created_at FROM campaign";

    /** The campaign row before its windows, holidays and retry rules are read. */
    private record Row(long id, String name, DiallingMode mode, Purpose purpose, boolean active, String region,
                       int maxAttempts, double maxAbandonRate, Duration abandonWindow, long createdBy,
                       Instant createdAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), DiallingMode.valueOf(rs.getString("mode")),
                Purpose.valueOf(rs.getString("purpose")), rs.getBoolean("active"), rs.getString("default_region"),
                rs.getInt("max_attempts"), rs.getDouble("max_abandon_rate"),
                Duration.ofSeconds(rs.getLong("abandon_window_s")), rs.getLong("created_by"),
                Jdbc.instant(rs, "created_at"));
    }

    private static Stored complete(Connection c, Row r) throws SQLException {
        Map<DayOfWeek, CallingWindow> windows = new EnumMap<>(DayOfWeek.class);
        Jdbc.query(c, "SELECT weekday, start_time, end_time FROM campaign_window WHERE campaign_id = ?",
                ps -> ps.setLong(1, r.id()), rs -> windows.put(DayOfWeek.of(rs.getInt("weekday")),
                        new CallingWindow(rs.getObject("start_time", LocalTime.class),
                                rs.getObject("end_time", LocalTime.class))));
        Set<LocalDate> holidays = new HashSet<>(Jdbc.query(c, "SELECT holiday FROM campaign_holiday WHERE campaign_id = ?",
                ps -> ps.setLong(1, r.id()), rs -> rs.getObject("holiday", LocalDate.class)));
        Map<AttemptResult, Duration> delays = new EnumMap<>(AttemptResult.class);
        Jdbc.query(c, "SELECT result, delay_s FROM campaign_retry WHERE campaign_id = ?", ps -> ps.setLong(1, r.id()),
                rs -> delays.put(AttemptResult.valueOf(rs.getString("result")), Duration.ofSeconds(rs.getLong("delay_s"))));
        List<Disposition> dispositions = Jdbc.query(c, "SELECT code, hotkey, closes, callback, dnc_scope "
                        + "FROM campaign_disposition WHERE campaign_id = ? ORDER BY position", ps -> ps.setLong(1, r.id()),
                rs -> new Disposition(rs.getString("code"), rs.getString("hotkey").charAt(0), rs.getBoolean("closes"),
                        Optional.ofNullable(rs.getString("dnc_scope")).map(DncScope::valueOf), rs.getBoolean("callback")));
        Campaign campaign = new Campaign(Long.toString(r.id()), r.name(), r.mode(), r.purpose(),
                new CallingHours(windows, holidays), r.maxAbandonRate(), r.abandonWindow(),
                new RetryPolicy(r.maxAttempts(), delays), dispositions.isEmpty() ? Disposition.standard() : dispositions);
        return new Stored(r.id(), campaign, r.active(), r.region(), r.createdBy(), r.createdAt());
    }
}
