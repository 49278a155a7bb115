//! Calendar: dates, periods, the lunar calendar, public holidays and working days.

pub mod date;
pub mod holidays;
pub mod labour_code;
pub mod lunar;
pub mod period;
pub mod workdays;
