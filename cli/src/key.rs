//! `tikapi key`: the key's credits, bandwidth and expiry, from `/key/info`.

use serde_json::Value as Json;
use tikapi_core::Args;

use crate::{code, Context, Failure, Outcome};

pub(crate) async fn run(ctx: &Context, json: bool) -> Outcome<i32> {
    let r = ctx.client.call("key", Args::new()).await?;
    if json {
        crate::output::print_body(&r)?;
        return Ok(code::OK);
    }
    let body = r
        .json()
        .ok_or_else(|| Failure::local("the key information is not JSON"))?;
    crate::out(table(body).as_bytes())?;
    Ok(code::OK)
}

fn num(body: &Json, path: &str) -> Option<f64> {
    crate::sink::at(body, path).and_then(|v| v.as_f64().or_else(|| v.as_str()?.parse().ok()))
}

/// The short human table.
pub(crate) fn table(body: &Json) -> String {
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(c) = num(body, "credits") {
        rows.push(("credits", format!("{c}")));
    }
    if let (Some(used), Some(limit)) = (num(body, "bandwidth.used"), num(body, "bandwidth.limit")) {
        let pct = if limit > 0.0 {
            used / limit * 100.0
        } else {
            0.0
        };
        rows.push((
            "bandwidth",
            format!("{} of {} used ({pct:.1}%)", bytes(used), bytes(limit)),
        ));
    }
    if let Some(t) = num(body, "date_expiry") {
        let expired = crate::sink::at(body, "has_expired").and_then(Json::as_bool);
        let state = match expired {
            Some(true) => " (expired)",
            Some(false) => "",
            None => "",
        };
        rows.push(("expires", format!("{}{state}", date(t as i64))));
    }
    if let Some(a) = num(body, "subscription_active") {
        rows.push((
            "subscription",
            if a != 0.0 {
                "active".into()
            } else {
                "inactive".into()
            },
        ));
    }
    if let Some(p) = num(body, "plan_id") {
        rows.push(("plan", format!("{p}")));
    }
    if let Some(list) = crate::sink::at(body, "accounts").and_then(Json::as_array) {
        let names: Vec<&str> = list
            .iter()
            .filter_map(|a| a.get("username").and_then(Json::as_str))
            .collect();
        rows.push((
            "accounts",
            format!("{} {}", list.len(), names.join(", "))
                .trim_end()
                .to_owned(),
        ));
    }
    if rows.is_empty() {
        return "the key information has none of the usual fields; use --json\n".to_owned();
    }
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(k, v)| format!("{k:<width$}  {v}\n"))
        .collect()
}

fn bytes(n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut n = n;
    let mut unit = 0;
    while n >= 1024.0 && unit < UNITS.len() - 1 {
        n /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{n:.1} {}", UNITS[unit])
    }
}

/// A Unix time as `YYYY-MM-DD HH:MM UTC` (civil-from-days, proleptic Gregorian).
fn date(t: i64) -> String {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_sizes_read_well() {
        assert_eq!(date(0), "1970-01-01 00:00 UTC");
        assert_eq!(date(1_659_088_800), "2022-07-29 10:00 UTC");
        assert_eq!(date(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(bytes(107_374_182_400.0), "100.0 GiB");
        assert_eq!(bytes(10.0), "10 B");
    }

    #[test]
    fn table_has_the_usual_rows() {
        let body = serde_json::json!({
            "credits": 779, "bandwidth": {"used": 0, "limit": 1024},
            "date_expiry": 0, "has_expired": true, "accounts": [{"username": "a"}]
        });
        let t = table(&body);
        assert!(t.contains("credits    779"), "{t}");
        assert!(
            t.contains("expires    1970-01-01 00:00 UTC (expired)"),
            "{t}"
        );
        assert!(t.contains("accounts   1 a"), "{t}");
    }
}
