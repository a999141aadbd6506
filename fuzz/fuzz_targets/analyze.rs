#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| replylint_fuzz::analyze(data));
