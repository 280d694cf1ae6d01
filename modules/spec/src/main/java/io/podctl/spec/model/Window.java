package io.podctl.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** A weekly maintenance window; an end before the start means the window runs past midnight. */
public record Window(
        @JsonProperty(required = true) @JsonPropertyDescription("Days the window opens on: Mon, Tue, Wed, Thu, Fri, Sat, Sun.") List<String> days,
        @JsonProperty(required = true) @JsonPropertyDescription("Opening time, HH:MM.") String start,
        @JsonProperty(required = true) @JsonPropertyDescription("Closing time, HH:MM.") String end,
        @JsonPropertyDescription("IANA time zone, UTC when omitted.") String timeZone) {

    public static final List<String> DAY_NAMES = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    public Window {
        days = days == null ? null : List.copyOf(days);
        timeZone = timeZone == null ? "UTC" : timeZone;
    }

    public List<DayOfWeek> daysOfWeek() {
        return days.stream().map(d -> DayOfWeek.of(DAY_NAMES.indexOf(d) + 1)).toList();
    }

    public LocalTime startTime() {
        return LocalTime.parse(start);
    }

    public LocalTime endTime() {
        return LocalTime.parse(end);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
