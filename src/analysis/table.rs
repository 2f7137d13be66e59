//! A small hash table for keys that are hashes already: the learned
//! reader's weights and the keys of one reply. No second hash and no
//! probing groups: the key's own bits pick the slot.

/// An open-addressing table keyed by hashes (the keys are hashes already,
/// so their low bits pick the slot), at least twice as large as what it
/// holds: the reader's weights, and the keys of one reply or line.
pub(crate) struct Table<V> {
    keys: Vec<u64>,
    values: Vec<V>,
    mask: usize,
    len: usize,
}

/// The keys of one reply or line.
pub(crate) type Keys = Table<()>;

/// An empty slot, and one whose key was taken (lookups go on past it).
const EMPTY: u64 = 0;
const TAKEN: u64 = u64::MAX;

impl<V: Copy + Default> Table<V> {
    /// Room for `n` keys: no more may go in.
    pub(crate) fn with_room(n: usize) -> Table<V> {
        let size = (2 * n).next_power_of_two().max(16);
        Table {
            keys: vec![EMPTY; size],
            values: vec![V::default(); size],
            mask: size - 1,
            len: 0,
        }
    }

    /// The slot holding `key`, or the empty slot where it would go. The two
    /// marker values stand for themselves one step off, so every key fits.
    fn slot(&self, key: u64) -> usize {
        let mut i = (key ^ (key >> 29)) as usize & self.mask;
        while self.keys[i] != EMPTY && self.keys[i] != key {
            i = (i + 1) & self.mask;
        }
        i
    }

    /// The value of `key`, put in as the default if it was not there.
    pub(crate) fn entry(&mut self, key: u64) -> &mut V {
        // a full table would have no empty slot to end a lookup
        debug_assert!(self.len < self.mask, "more keys than the room asked for");
        let key = stored(key);
        let i = self.slot(key);
        if self.keys[i] == EMPTY {
            self.keys[i] = key;
            self.len += 1;
        }
        &mut self.values[i]
    }

    /// Adds `key`; whether it was new.
    pub(crate) fn insert(&mut self, key: u64) -> bool {
        let len = self.len;
        self.entry(key);
        self.len > len
    }

    /// How many slots keys have taken (a key taken out keeps its slot).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn get(&self, key: u64) -> Option<&V> {
        let key = stored(key);
        let i = self.slot(key);
        (self.keys[i] == key).then(|| &self.values[i])
    }

    /// Takes `key` out; whether it was there.
    pub(crate) fn take(&mut self, key: u64) -> bool {
        let key = stored(key);
        let i = self.slot(key);
        let found = self.keys[i] == key;
        if found {
            self.keys[i] = TAKEN;
        }
        found
    }
}

/// `key` as stored: the two marker values move one step inward.
fn stored(key: u64) -> u64 {
    match key {
        EMPTY => 1,
        TAKEN => TAKEN - 1,
        k => k,
    }
}
