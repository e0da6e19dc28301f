package org.athanor.agent.journal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.Journal;
import org.athanor.engine.JournalException;
import org.flywaydb.core.Flyway;

/**
 * The journal in a relational database (embedded H2 file by default, PostgreSQL by configuration), schema by Flyway
 * migrations ({@code db/migration/<vendor>}). Each append is its own committed transaction, so it is on disk before
 * {@link #append} returns and before the engine acknowledges a measurement.
 */
public final class JdbcJournal implements Journal, AutoCloseable {

    private final JournalSettings settings;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement selectAfter;

    private JdbcJournal(JournalSettings settings, Connection connection) throws SQLException {
        this.settings = settings;
        this.connection = connection;
        this.insert = connection.prepareStatement("INSERT INTO journal_event "
                + "(event_id, run_id, experiment, step_id, command_id, type, lab_time, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.select = connection.prepareStatement("SELECT event_id, run_id, experiment, step_id, command_id, type, lab_time, data "
                + "FROM journal_event WHERE run_id = ? ORDER BY seq");
        this.selectAfter = connection.prepareStatement("SELECT event_id, run_id, experiment, step_id, command_id, type, lab_time, data, seq "
                + "FROM journal_event WHERE run_id = ? AND seq > ? ORDER BY seq");
    }

    /** An event as stored, with its place in the journal: {@code seq} grows with every append, across runs. */
    public record Stored(long seq, EngineEvent event) {
    }

    /**
     * Opens the database, bringing its schema up to date first. An H2 file database's directory is created and checked
     * first ({@link JournalSettings#unusableDirectory}).
     */
    public static JdbcJournal open(JournalSettings settings) {
        settings.fileDirectory().flatMap(JournalSettings::unusableDirectory).ifPresent(problem -> {
            throw new JournalException("cannot open the journal at " + settings.describe() + ": " + problem, null);
        });
        try {
            Flyway.configure(JdbcJournal.class.getClassLoader())
                    .dataSource(settings.url(), settings.user(), settings.password())
                    .locations("classpath:db/migration/" + settings.vendor())
                    .load()
                    .migrate();
            Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
            c.setAutoCommit(true);
            return new JdbcJournal(settings, c);
        } catch (SQLException | RuntimeException e) {
            throw new JournalException("cannot open the journal at " + settings.describe() + ": " + rootMessage(e), e);
        }
    }

    @Override
    public synchronized void append(EngineEvent e) {
        try {
            bind(e);
            insert.executeUpdate();
        } catch (SQLException ex) {
            throw new JournalException("cannot store " + e.type().json() + " of run " + e.runId() + " in " + settings.describe()
                    + ": " + ex.getMessage(), ex);
        }
    }

    /** One transaction for the lot: the engine stores each cycle's events together (group commit). */
    @Override
    public synchronized void appendAll(List<EngineEvent> events) {
        if (events.size() == 1) {
            append(events.get(0));
            return;
        }
        try {
            connection.setAutoCommit(false);
            try {
                for (EngineEvent e : events) {
                    bind(e);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException ex) {
                connection.rollback();
                throw ex;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ex) {
            throw new JournalException("cannot store " + events.size() + " events of run " + events.get(0).runId() + " in "
                    + settings.describe() + ": " + ex.getMessage(), ex);
        }
    }

    private void bind(EngineEvent e) throws SQLException {
        insert.setString(1, e.id());
        insert.setString(2, e.runId());
        insert.setString(3, e.experiment());
        insert.setString(4, e.stepId());
        insert.setString(5, e.commandId());
        insert.setString(6, e.type().json());
        insert.setString(7, e.time().toString());
        insert.setString(8, EventJson.data(e));
    }

    @Override
    public synchronized List<EngineEvent> events(String runId) {
        List<EngineEvent> out = new ArrayList<>();
        try {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
        } catch (SQLException ex) {
            throw new JournalException("cannot read run " + runId + " from " + settings.describe() + ": " + ex.getMessage(), ex);
        }
        return out;
    }

    /** The run's events stored after {@code seq} (0: all), in order, each with its own {@code seq}: what a reader following a run asks. */
    public synchronized List<Stored> eventsAfter(String runId, long seq) {
        List<Stored> out = new ArrayList<>();
        try {
            selectAfter.setString(1, runId);
            selectAfter.setLong(2, seq);
            try (ResultSet rs = selectAfter.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getLong(9), event(rs)));
                }
            }
        } catch (SQLException ex) {
            throw new JournalException("cannot read run " + runId + " from " + settings.describe() + ": " + ex.getMessage(), ex);
        }
        return out;
    }

    private static EngineEvent event(ResultSet rs) throws SQLException {
        return new EngineEvent(rs.getString(1), EngineEvent.Type.fromJson(rs.getString(6)), Instant.parse(rs.getString(7)),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), EventJson.parseData(rs.getString(8)));
    }

    /** Run ids in the order they first appeared. */
    public synchronized List<String> runs() {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT run_id, MIN(seq) AS first FROM journal_event GROUP BY run_id ORDER BY first");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException ex) {
            throw new JournalException("cannot list runs in " + settings.describe() + ": " + ex.getMessage(), ex);
        }
        return out;
    }

    /** When each run's first event was stored, by the database's wall clock, in the order the runs first appeared. */
    public synchronized java.util.Map<String, Instant> runsFirstStored() {
        java.util.Map<String, Instant> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT run_id, MIN(seq) AS first, MIN(stored_at) AS at FROM journal_event GROUP BY run_id ORDER BY first");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getTimestamp(3).toInstant());
            }
        } catch (SQLException ex) {
            throw new JournalException("cannot list runs in " + settings.describe() + ": " + ex.getMessage(), ex);
        }
        return out;
    }

    public JournalSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to protect
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
