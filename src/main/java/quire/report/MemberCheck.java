package quire.report;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Who read which results or transcript when, and what they answered (COREQ items 23 and 28). */
public record MemberCheck(long id, String who, String what, @Nullable LocalDate checkedOn, String response) {
}
