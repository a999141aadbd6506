//! Time: clock arithmetic, RFC 3339 and "09:30" parsing, time zones, and the
//! response-time standard (working hours and the deadline of a reply).
//! Below the pack (which validates its `response_time` with these parsers)
//! and above nothing but std: checks and templates both use it.

pub mod standard;
pub mod tz;

pub use standard::{Standard, Zone, local_now};

/// A local date and time (in the pack's offset), minutes precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime {
    /// Days since 1970-01-01.
    pub day: i64,
    /// Minutes after midnight.
    pub minute: u32,
}

impl LocalTime {
    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> usize {
        (self.day + 3).rem_euclid(7) as usize
    }

    pub fn ymd(&self) -> (i64, u32, u32) {
        civil_from_days(self.day)
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

/// Parses RFC 3339 ("2025-03-07T17:00:00+02:00", "…Z") into UTC minutes since the epoch and the offset in minutes.
pub fn parse_rfc3339(s: &str) -> Option<(i64, i32)> {
    let s = s.trim();
    if s.len() < 16 {
        return None;
    }
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    let hh: u32 = s.get(11..13)?.parse().ok()?;
    let mm: u32 = s.get(14..16)?.parse().ok()?;
    if !(1..=12).contains(&m)
        || !(1..=31).contains(&d)
        || hh > 23
        || mm > 59
        || !matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' '))
    {
        return None;
    }
    let rest = &s[16..];
    let tz_at = rest.find(['Z', 'z', '+', '-']);
    let offset = match tz_at {
        Some(i) if matches!(&rest[i..i + 1], "Z" | "z") => 0,
        Some(i) => parse_offset(&rest[i..])?,
        None => 0,
    };
    let local = days_from_civil(y, m, d) * 1440 + (hh * 60 + mm) as i64;
    Some((local - offset as i64, offset))
}

/// "09:30" → minutes after midnight.
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60 && s.len() == 5).then_some(h * 60 + m)
}

/// "+02:00" → minutes east of UTC.
pub fn parse_offset(s: &str) -> Option<i32> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let m = parse_hhmm(&s[1..])? as i32;
    (m <= 14 * 60).then_some(sign * m)
}

/// "17:00", or "5 pm" on a 12-hour clock.
pub fn format_time(minute: u32, twelve_hour: bool) -> String {
    let (h, m) = (minute / 60, minute % 60);
    if !twelve_hour {
        return format!("{h:02}:{m:02}");
    }
    let (h12, ampm) = match h {
        0 => (12, "am"),
        1..=11 => (h, "am"),
        12 => (12, "pm"),
        _ => (h - 12, "pm"),
    };
    if m == 0 { format!("{h12} {ampm}") } else { format!("{h12}:{m:02} {ampm}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_with_offsets() {
        let (utc, off) = parse_rfc3339("2025-03-07T17:00:00+02:00").unwrap();
        assert_eq!(off, 120);
        assert_eq!(utc, days_from_civil(2025, 3, 7) * 1440 + 15 * 60);
        assert_eq!(parse_rfc3339("2025-03-07T17:00:00Z").unwrap().1, 0);
        assert!(parse_rfc3339("yesterday").is_none());
    }

    #[test]
    fn twelve_hour_clock_drops_zero_minutes() {
        assert_eq!(format_time(17 * 60, true), "5 pm");
        assert_eq!(format_time(9 * 60 + 30, false), "09:30");
    }
}
