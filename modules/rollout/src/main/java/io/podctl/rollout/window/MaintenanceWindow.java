package io.podctl.rollout.window;

import io.podctl.spec.model.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A pod's weekly window in its own time zone. It only decides whether work may START: not
 * before it opens, and not so late that the expected duration would overrun its close (the
 * SSM "cutoff"). An end before the start spans midnight; an end equal to the start is a whole day.
 */
public record MaintenanceWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    public MaintenanceWindow {
        days = Set.copyOf(days);
    }

    public static MaintenanceWindow of(Window window) {
        return new MaintenanceWindow(Set.copyOf(window.daysOfWeek()), window.startTime(), window.endTime(), window.zone());
    }

    public Duration length() {
        Duration d = Duration.between(start, end);
        return d.isNegative() || d.isZero() ? d.plusDays(1) : d;
    }

    public StartDecision decide(Instant now, Duration expected) {
        if (expected.compareTo(length()) > 0) {
            return new StartDecision.Wait(null, "the expected " + minutes(expected) + " exceed the window's " + minutes(length()));
        }
        for (Opening opening : openingsAround(now)) {
            if (opening.admits(now, expected)) {
                return new StartDecision.Now();
            }
        }
        for (Opening opening : openingsAround(now)) {
            // DST can shorten one occurrence below the expected duration: skip it.
            if (opening.opens().isAfter(now) && !opening.lastStart(expected).isBefore(opening.opens())) {
                return new StartDecision.Wait(opening.opens(), "outside window");
            }
        }
        return new StartDecision.Wait(null, "no opening in the next week");
    }

    /** Occurrences from the day before {@code now} (one spanning midnight may still be open) to 8 days ahead, in order. */
    List<Opening> openingsAround(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Opening> openings = new ArrayList<>();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(8)); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                // ZonedDateTime.of moves a time inside a DST gap forward, to when the clock exists again.
                ZonedDateTime opens = ZonedDateTime.of(day, start, zone);
                LocalDate closeDay = end.isAfter(start) ? day : day.plusDays(1);
                ZonedDateTime closes = ZonedDateTime.of(closeDay, end, zone);
                openings.add(new Opening(opens.toInstant(), closes.toInstant()));
            }
        }
        return openings;
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }
}
