//! iCalendar (RFC 5545) export of obligations, for any calendar application.
//!
//! Each obligation becomes an all-day event on its effective deadline (the
//! last on-time day under the policy), with the document's words and source in
//! the description. The output is deterministic: the caller passes the
//! timestamp (`DTSTAMP`), the engine reads no clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::{to_icalendar, Calendar, Lang, Plans};
//! let cal = dxplan::defaults::rules().calendar.clone();
//! let obs = dxplan::defaults::rules().plans.clone().get("dti-2022").unwrap().obligations(&cal, 2025).unwrap();
//! let stamp = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
//! let ics = to_icalendar(&obs, stamp, Lang::Vi);
//! assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
//! assert!(ics.contains("DTSTART;VALUE=DATE:20250314\r\n"));
//! assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4);
//! ```

use super::Obligation;
use crate::calendar::date::format_date;
use crate::diagnostic::Lang;
use chrono::{Duration, NaiveDate};

/// Writes obligations as an iCalendar file (CRLF line ends, lines folded at 75 octets).
///
/// `stamp` is the day written in every event's `DTSTAMP` (at 00:00 UTC).
///
/// ```
/// use chrono::NaiveDate;
/// let ics = dxplan::to_icalendar(&[], NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), dxplan::Lang::En);
/// assert!(ics.ends_with("END:VCALENDAR\r\n"));
/// ```
pub fn to_icalendar(obligations: &[Obligation], stamp: NaiveDate, lang: Lang) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//dxplan//dxplan calendar//VI".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!(
            "X-WR-CALNAME:{}",
            escape(match lang {
                Lang::Vi => "Lịch báo cáo chuyển đổi số",
                Lang::En => "Digital transformation reporting calendar",
            })
        ),
    ];
    let dtstamp = format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d"));
    for o in obligations {
        let summary = format!(
            "{} – {} → {}",
            o.names.report.get(lang),
            o.names.level.get(lang),
            o.recipient.name.get(lang)
        );
        let source = o.names.source.get(lang);
        let policy = o.policy.name();
        let mut description = match lang {
            Lang::Vi => format!(
                "Hạn: trước ngày {}. Ngày cuối cùng đúng hạn: {} (chính sách hạn: {}).\nNguyên văn: {}\nNguồn: {source}",
                format_date(o.due_before),
                format_date(o.deadline),
                policy.vi,
                o.rule_text,
            ),
            Lang::En => format!(
                "Due before {}. Last on-time day: {} (deadline policy: {}).\nText: {}\nSource: {source}",
                format_date(o.due_before),
                format_date(o.deadline),
                policy.en,
                o.rule_text,
            ),
        };
        if o.provisional {
            description.push_str(match lang {
                Lang::Vi => "\nDự kiến: ngày nghỉ của năm chưa có thông báo của Chính phủ, hạn có thể đổi khi có thông báo.",
                Lang::En => "\nProvisional: the year's days off have no government notice yet; the deadline may change when one is given.",
            });
        }
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@dxplan", escape(&o.id)));
        lines.push(dtstamp.clone());
        lines.push(format!(
            "DTSTART;VALUE=DATE:{}",
            o.deadline.format("%Y%m%d")
        ));
        lines.push(format!(
            "DTEND;VALUE=DATE:{}",
            (o.deadline + Duration::days(1)).format("%Y%m%d")
        ));
        lines.push(format!("SUMMARY:{}", escape(&summary)));
        lines.push(format!("DESCRIPTION:{}", escape(&description)));
        lines.push(format!("CATEGORIES:{}", escape(o.names.plan.get(lang))));
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold_into(&mut out, &line);
    }
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_on_character_boundaries() {
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "ạ".repeat(60));
        fold_into(&mut out, &long);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
