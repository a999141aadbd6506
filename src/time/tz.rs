//! IANA time zones for the response-time standard. Natively the system's
//! tz database (jiff); in the browser, `Intl.DateTimeFormat`, so the wasm
//! carries no tz data.

/// Offset east of UTC, in minutes, of zone `name` at `utc_minutes` since the epoch.
#[cfg(not(target_arch = "wasm32"))]
pub fn offset_minutes(name: &str, utc_minutes: i64) -> Option<i32> {
    let tz = jiff::tz::TimeZone::get(name).ok()?;
    let ts = jiff::Timestamp::from_second(utc_minutes.checked_mul(60)?).ok()?;
    Some(tz.to_offset(ts).seconds() / 60)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn is_known(name: &str) -> bool {
    jiff::tz::TimeZone::get(name).is_ok()
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
        pub fn date_time_format(locales: &JsValue, options: &JsValue) -> Result<js_sys::Object, JsValue>;
    }

    /// "GMT+02:00" (or "GMT") for `name` at `ms` since the epoch.
    pub fn gmt_offset(name: &str, ms: f64) -> Option<String> {
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"timeZone".into(), &name.into()).ok()?;
        js_sys::Reflect::set(&opts, &"timeZoneName".into(), &"longOffset".into()).ok()?;
        let fmt = date_time_format(&"en-US".into(), &opts).ok()?;
        let parts_fn: js_sys::Function = js_sys::Reflect::get(&fmt, &"formatToParts".into()).ok()?.dyn_into().ok()?;
        let date = js_sys::Date::new(&JsValue::from_f64(ms));
        let parts: js_sys::Array = parts_fn.call1(&fmt, &date).ok()?.dyn_into().ok()?;
        parts.iter().find_map(|p| {
            let kind = js_sys::Reflect::get(&p, &"type".into()).ok()?.as_string()?;
            (kind == "timeZoneName").then(|| js_sys::Reflect::get(&p, &"value".into()).ok()?.as_string()).flatten()
        })
    }
}

#[cfg(target_arch = "wasm32")]
pub fn offset_minutes(name: &str, utc_minutes: i64) -> Option<i32> {
    let s = js::gmt_offset(name, utc_minutes as f64 * 60_000.0)?;
    let rest = s.strip_prefix("GMT")?;
    if rest.is_empty() {
        return Some(0);
    }
    super::parse_offset(rest)
}

#[cfg(target_arch = "wasm32")]
pub fn is_known(name: &str) -> bool {
    js::gmt_offset(name, 0.0).is_some()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn kyiv_observes_daylight_saving() {
        // 2025-01-15 12:00 UTC and 2025-07-15 12:00 UTC
        let winter = crate::time::days_from_civil(2025, 1, 15) * 1440 + 720;
        let summer = crate::time::days_from_civil(2025, 7, 15) * 1440 + 720;
        assert_eq!(offset_minutes("Europe/Kyiv", winter), Some(120));
        assert_eq!(offset_minutes("Europe/Kyiv", summer), Some(180));
        assert!(!is_known("Mars/Olympus_Mons"));
    }
}
