//! Guest-side helpers shared by the sample functions.

pub mod handler;
pub mod images;
pub mod nn;
pub mod topk;
