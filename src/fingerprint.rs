//! FNV-1a, the one hash the project uses: for scenario fingerprints in
//! transcripts and for the analyzer's word keys. Stable across builds and
//! platforms, unlike `std`'s hasher.

pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(FNV_START, fnv_step)
}

/// The hash of no bytes, where a hash built a byte at a time starts.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte more of a hash.
pub(crate) fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}
