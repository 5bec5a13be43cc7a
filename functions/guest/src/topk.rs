//! Ranking of classifier scores.

/// The `k` best (index, score) pairs, best first; ties keep the lower index first.
pub fn top_k(scores: &[u8], k: usize) -> Vec<(usize, u8)> {
    let mut ranked: Vec<(usize, u8)> = scores.iter().copied().enumerate().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(k);
    ranked
}
