//! The response-time standard: when a reply to a message received at a given
//! moment is due.
//!
//! Deadline rule (docs/packs.md): a standard of 24 hours or more counts whole
//! working days (time of day kept; non-working days skipped), so a message on
//! Friday at 17:00 with a 24-hour standard is due on Monday at 17:00. A
//! shorter standard counts working hours only, so Friday 17:30 with two hours
//! is due Monday 10:30 with 09:00–18:00 working hours. A start outside
//! working time moves to the next working moment first.

use super::{LocalTime, parse_hhmm, parse_offset, parse_rfc3339};

/// The response-time standard of a pack, with defaults (24 h, Mon–Fri 09:00–18:00).
#[derive(Clone, Debug, PartialEq)]
pub struct Standard {
    pub hours: f64,
    pub start: u32,
    pub end: u32,
    pub days: [bool; 7],
    pub zone: Zone,
}

/// Where the working day is counted.
#[derive(Clone, Debug, PartialEq)]
pub enum Zone {
    /// The offset of the `now` the caller passes (the user's clock).
    Local,
    /// Minutes east of UTC.
    Fixed(i32),
    /// An IANA time zone: its offset at `now`, daylight saving included.
    Named(String),
}

impl Standard {
    /// A standard from a pack's `[response_time]` settings; unset values take the defaults.
    pub fn new(
        hours: Option<f64>,
        start: Option<&str>,
        end: Option<&str>,
        working_days: &[String],
        zone: Option<&str>,
    ) -> Standard {
        let mut days = [true, true, true, true, true, false, false];
        if !working_days.is_empty() {
            days = [false; 7];
            for d in working_days {
                if let Some(i) = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().position(|x| x == d) {
                    days[i] = true;
                }
            }
        }
        Standard {
            hours: hours.unwrap_or(24.0),
            start: start.and_then(parse_hhmm).unwrap_or(9 * 60),
            end: end.and_then(parse_hhmm).unwrap_or(18 * 60),
            days,
            zone: match zone {
                None | Some("local") => Zone::Local,
                Some(z) => parse_offset(z).map_or_else(|| Zone::Named(z.to_string()), Zone::Fixed),
            },
        }
    }

    fn working_day(&self, day: i64) -> bool {
        self.days[LocalTime { day, minute: 0 }.weekday()]
    }

    /// The first working moment at or after `t`.
    fn next_working(&self, mut t: LocalTime) -> LocalTime {
        for _ in 0..14 {
            if self.working_day(t.day) {
                if t.minute < self.start {
                    return LocalTime { day: t.day, minute: self.start };
                }
                if t.minute < self.end {
                    return t;
                }
            }
            t = LocalTime { day: t.day + 1, minute: self.start };
        }
        t
    }

    /// When a reply received at `t` is due.
    pub fn deadline(&self, t: LocalTime) -> LocalTime {
        let mut t = self.next_working(t);
        if self.hours >= 24.0 {
            let mut days = (self.hours / 24.0).floor() as i64;
            let extra = ((self.hours - days as f64 * 24.0) * 60.0).round() as u32;
            while days > 0 {
                t.day += 1;
                if self.working_day(t.day) {
                    days -= 1;
                }
            }
            t.minute += extra;
            if t.minute >= 1440 {
                t.minute -= 1440;
                t.day += 1;
            }
            if t.minute > self.end || !self.working_day(t.day) {
                t = self.next_working(LocalTime { day: t.day, minute: t.minute.max(self.end) });
            }
            return t;
        }
        let mut left = (self.hours * 60.0).round() as u32;
        loop {
            let avail = self.end.saturating_sub(t.minute);
            if left <= avail {
                return LocalTime { day: t.day, minute: t.minute + left };
            }
            left -= avail;
            t = self.next_working(LocalTime { day: t.day + 1, minute: 0 });
        }
    }
}

/// "2025-03-07T17:00:00+02:00" in the standard's offset.
pub fn local_now(now: &str, std: &Standard) -> Option<LocalTime> {
    let (utc, own_offset) = parse_rfc3339(now)?;
    let offset = match &std.zone {
        Zone::Local => own_offset,
        Zone::Fixed(m) => *m,
        Zone::Named(name) => super::tz::offset_minutes(name, utc)?,
    };
    let local = utc + offset as i64;
    Some(LocalTime { day: local.div_euclid(1440), minute: local.rem_euclid(1440) as u32 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::days_from_civil;

    fn at(y: i64, m: u32, d: u32, h: u32, min: u32) -> LocalTime {
        LocalTime { day: days_from_civil(y, m, d), minute: h * 60 + min }
    }

    fn std(hours: f64) -> Standard {
        Standard {
            hours,
            start: 9 * 60,
            end: 18 * 60,
            days: [true, true, true, true, true, false, false],
            zone: Zone::Local,
        }
    }

    #[test]
    fn friday_five_pm_plus_24_hours_is_monday_five_pm() {
        // 2025-03-07 is a Friday
        assert_eq!(at(2025, 3, 7, 0, 0).weekday(), 4);
        assert_eq!(std(24.0).deadline(at(2025, 3, 7, 17, 0)), at(2025, 3, 10, 17, 0));
    }

    #[test]
    fn two_hour_standard_counts_working_hours_over_the_weekend() {
        assert_eq!(std(2.0).deadline(at(2025, 3, 7, 17, 30)), at(2025, 3, 10, 10, 30));
        assert_eq!(std(2.0).deadline(at(2025, 3, 5, 10, 0)), at(2025, 3, 5, 12, 0));
    }

    #[test]
    fn a_message_on_saturday_night_starts_the_clock_on_monday_morning() {
        assert_eq!(std(24.0).deadline(at(2025, 3, 8, 23, 0)), at(2025, 3, 11, 9, 0));
        assert_eq!(std(2.0).deadline(at(2025, 3, 8, 23, 0)), at(2025, 3, 10, 11, 0));
    }
}
