//! The pure core: the v1 data contract's model, its validation and the IOC
//! ranking. No web-sys here: it compiles and is tested natively, and the
//! native `medal-summary validate|rank` command uses it as the widget does.

pub mod json;
pub mod model;
pub mod num;
pub mod order;
pub mod rank;
pub mod validate;
