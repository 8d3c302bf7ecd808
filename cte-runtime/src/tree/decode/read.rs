//! The header and the primitives of the format: bytes, varints, strings and identifiers.

use cte_shared::format::SLABS;

use super::*;

impl Decoder {
    pub(super) fn new(bytes: &'static [u8], root: Root) -> Res<Self> {
        let [version, kind, rest @ ..] = bytes else {
            return Err(Corrupt);
        };
        if *version != FORMAT || Root::from_tag(*kind) != Some(root) {
            return Err(Corrupt);
        }
        let mut d = Decoder {
            bytes: rest,
            text: "",
            slabs: Slabs::new([0; SLABS]),
            depth: 0,
            search_cycle: false,
        };
        let mut counts = [0; SLABS];
        let mut total = 0usize;
        for count in &mut counts {
            *count = d.len()?;
            total = total.checked_add(*count).ok_or(Corrupt)?;
        }
        let len = d.len()?;
        if len > d.bytes.len() {
            return Err(Corrupt);
        }
        let (text, rest) = d.bytes.split_at(len);
        d.text = std::str::from_utf8(text).map_err(|_| Corrupt)?;
        d.bytes = rest;
        // Bounds the allocation by the input: a corrupt count cannot ask for more.
        if total > d.bytes.len() {
            return Err(Corrupt);
        }
        d.slabs = Slabs::new(counts);
        Ok(d)
    }

    pub(super) fn finish(&self) -> Res<()> {
        if self.bytes.is_empty() && self.text.is_empty() && self.slabs.is_full() {
            Ok(())
        } else {
            Err(Corrupt)
        }
    }

    pub(super) fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Corrupt);
        }
        Ok(())
    }

    pub(super) fn byte(&mut self) -> Res<u8> {
        let [first, rest @ ..] = self.bytes else {
            return Err(Corrupt);
        };
        self.bytes = rest;
        Ok(*first)
    }

    /// The choice that the next byte is the tag of, by `from_tag`.
    pub(super) fn tag<T>(&mut self, from_tag: fn(u8) -> Option<T>) -> Res<T> {
        from_tag(self.byte()?).ok_or(Corrupt)
    }

    pub(super) fn u64(&mut self) -> Res<u64> {
        // Nearly every varint is a count, tag or length below 128.
        if let [first @ 0..=0x7f, rest @ ..] = self.bytes {
            self.bytes = rest;
            return Ok(u64::from(*first));
        }
        self.long_u64()
    }

    #[inline(never)]
    pub(super) fn long_u64(&mut self) -> Res<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(Corrupt);
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Corrupt)
    }

    pub(super) fn len(&mut self) -> Res<usize> {
        usize::try_from(self.u64()?).map_err(|_| Corrupt)
    }

    pub(super) fn u32(&mut self) -> Res<u32> {
        u32::try_from(self.u64()?).map_err(|_| Corrupt)
    }

    pub(super) fn opt_u32(&mut self) -> Res<Option<u32>> {
        match self.u64()? {
            0 => Ok(None),
            n => u32::try_from(n - 1).map(Some).map_err(|_| Corrupt),
        }
    }

    pub(super) fn bool(&mut self) -> Res<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt),
        }
    }

    /// The presence byte of an optional part.
    pub(super) fn some(&mut self) -> Res<bool> {
        self.bool()
    }

    /// The next `len` bytes of the text, which must end on a character boundary.
    pub(super) fn utf8(&mut self, len: usize) -> Res<&'static str> {
        let (value, rest) = self.text.split_at_checked(len).ok_or(Corrupt)?;
        self.text = rest;
        Ok(value)
    }

    pub(super) fn str(&mut self) -> Res<&'static str> {
        let len = self.len()?;
        self.utf8(len)
    }

    pub(super) fn ident(&mut self) -> Res<Ident> {
        let header = self.len()?;
        let value = self.utf8(header >> 1)?;
        Ok(Ident {
            value,
            raw: header & 1 == 1,
        })
    }

    pub(super) fn idents(&mut self) -> Res<List<Ident>> {
        Ok(list!(self, idents, self.ident()?))
    }

    pub(super) fn name(&mut self) -> Res<ObjectName> {
        Ok(ObjectName(self.idents()?))
    }

    pub(super) fn opt_ident(&mut self) -> Res<Option<Ident>> {
        Ok(if self.some()? {
            Some(self.ident()?)
        } else {
            None
        })
    }
}
