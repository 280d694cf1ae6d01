package io.podctl.rollout.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    static final MaintenanceWindow WEEKEND_UTC = new MaintenanceWindow(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            LocalTime.of(2, 0), LocalTime.of(6, 0), ZoneId.of("UTC"));
    static final Duration HOUR = Duration.ofHours(1);

    @Test
    void startsInsideTheWindow() {
        assertThat(WEEKEND_UTC.decide(Instant.parse("2025-06-07T03:00:00Z"), HOUR)).isEqualTo(new StartDecision.Now());
    }

    @Test
    void outsideTheWindowNamesTheNextOpening() {
        assertThat(WEEKEND_UTC.decide(Instant.parse("2025-06-09T10:00:00Z"), HOUR))
                .isEqualTo(new StartDecision.Wait(Instant.parse("2025-06-14T02:00:00Z"), "outside window"));
    }

    @Test
    void doesNotStartWhenTheExpectedDurationWouldOverrunTheClose() {
        StartDecision late = WEEKEND_UTC.decide(Instant.parse("2025-06-07T05:30:00Z"), HOUR);

        assertThat(late).isEqualTo(new StartDecision.Wait(Instant.parse("2025-06-08T02:00:00Z"), "outside window"));
        assertThat(WEEKEND_UTC.decide(Instant.parse("2025-06-07T05:00:00Z"), HOUR)).isEqualTo(new StartDecision.Now());
    }

    @Test
    void windowEndingBeforeItStartsSpansMidnight() {
        MaintenanceWindow friNight = new MaintenanceWindow(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(4, 0), ZoneId.of("UTC"));

        assertThat(friNight.length()).isEqualTo(Duration.ofHours(6));
        assertThat(friNight.decide(Instant.parse("2025-06-07T01:00:00Z"), HOUR)).as("Saturday 01:00, opened Friday")
                .isEqualTo(new StartDecision.Now());
        assertThat(friNight.decide(Instant.parse("2025-06-07T03:30:00Z"), HOUR)).isInstanceOf(StartDecision.Wait.class);
    }

    @Test
    void windowFollowsItsZoneAcrossDaylightSaving() {
        MaintenanceWindow la = new MaintenanceWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0),
                ZoneId.of("America/Los_Angeles"));
        // 2025-03-09 is the spring-forward Sunday: 02:00-03:00 does not exist, the window is 3 h long.
        assertThat(la.decide(Instant.parse("2025-03-08T12:00:00Z"), HOUR))
                .isEqualTo(new StartDecision.Wait(Instant.parse("2025-03-09T09:00:00Z"), "outside window")); // 01:00 PST
        assertThat(la.decide(Instant.parse("2025-03-09T11:00:00Z"), HOUR)).as("04:00 PDT, an hour before the close")
                .isEqualTo(new StartDecision.Now());
        assertThat(la.decide(Instant.parse("2025-03-09T11:30:00Z"), HOUR)).isInstanceOf(StartDecision.Wait.class);
    }

    @Test
    void workLongerThanTheWindowNeverStarts() {
        StartDecision decision = WEEKEND_UTC.decide(Instant.parse("2025-06-07T02:00:00Z"), Duration.ofHours(5));

        assertThat(decision).isInstanceOf(StartDecision.Wait.class);
        assertThat(((StartDecision.Wait) decision).next()).isNull();
    }

    @Test
    void soakEndsAfterThePreviousPodsSoakTime() {
        Instant finished = Instant.parse("2025-06-07T03:00:00Z");

        assertThat(Soak.isOver(finished, Duration.ofHours(6), finished.plus(Duration.ofHours(5)))).isFalse();
        assertThat(Soak.isOver(finished, Duration.ofHours(6), finished.plus(Duration.ofHours(6)))).isTrue();
    }
}
