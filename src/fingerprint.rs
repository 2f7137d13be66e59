//! FNV-1a, the one hash the project uses: for scenario fingerprints in
//! transcripts and for the analyzer's word keys. Stable across builds and
//! platforms, unlike `std`'s hasher.

pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
