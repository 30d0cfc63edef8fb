;; The hot loop of word-numbering.ts: a text's UTF-8 bytes cut at spaces into
;; pieces, each piece hashed eight bytes a step and looked up in a table of the
;; pieces seen; a known piece's word ids are written out, and each id once per
;; text. An unknown piece returns to JavaScript, which reads its words, adds it
;; to the table (`insert`) and calls `number` again from that piece.
;;
;; Memory (laid out by JavaScript; byte offsets, little-endian):
;;   0 table, 4 mask (slots - 1), 8 many, 12 seen, 16 ids out, 20 firsts out,
;;   24 ids written, 28 firsts written, 32 stamp (this text's number),
;;   40 seed (i64), 48 the unknown piece's hash (i64), 56 its byte length.
;; A table slot is 16 bytes: the piece's hash (i64), its byte length (0: empty),
;; and its entry: a word id (>= 0), or -1 - k for the ids at many[k + 1 ...],
;; many[k] of them (i32s). seen[id] is the last text the word was written in.
(module
  (memory (export "memory") 1)

  ;; Where a hash starts probing: its high bits, mixed (MurmurHash3's finalizer step).
  (func $slot (param $h i64) (param $mask i32) (result i32)
    (i32.and
      (i32.wrap_i64
        (i64.shr_u
          (i64.mul (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 29)))
            (i64.const 0xff51afd7ed558ccd))
          (i64.const 32)))
      (local.get $mask)))

  ;; Puts a piece in the first empty slot of its run.
  (func $insert (param $table i32) (param $mask i32) (param $h i64) (param $length i32) (param $entry i32)
    (local $at i32)
    (local $slot i32)
    (local.set $slot (call $slot (local.get $h) (local.get $mask)))
    (loop $probe
      (local.set $at (i32.add (local.get $table) (i32.shl (local.get $slot) (i32.const 4))))
      (if (i32.load offset=8 (local.get $at))
        (then
          (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
          (br $probe))))
    (i64.store (local.get $at) (local.get $h))
    (i32.store offset=8 (local.get $at) (local.get $length))
    (i32.store offset=12 (local.get $at) (local.get $entry)))

  ;; Adds the piece `number` did not find, with its entry.
  (func (export "add") (param $entry i32)
    (call $insert (i32.load (i32.const 0)) (i32.load (i32.const 4)) (i64.load (i32.const 48))
      (i32.load (i32.const 56)) (local.get $entry)))

  ;; Moves every piece of the table at `from`, of `slots` slots, into the (empty) table.
  (func (export "rehash") (param $from i32) (param $slots i32)
    (local $to i32)
    (local $mask i32)
    (local $at i32)
    (local $last i32)
    (local.set $to (i32.load (i32.const 0)))
    (local.set $mask (i32.load (i32.const 4)))
    (local.set $at (local.get $from))
    (local.set $last (i32.add (local.get $from) (i32.shl (local.get $slots) (i32.const 4))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $at) (local.get $last)))
        (if (i32.load offset=8 (local.get $at))
          (then
            (call $insert (local.get $to) (local.get $mask) (i64.load (local.get $at))
              (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at)))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $each))))

  ;; Numbers the pieces of bytes [pos, end) (a space at `end`, and 8 readable
  ;; bytes past it). Returns -1, or the start of a piece not in the table.
  (func (export "number") (param $pos i32) (param $end i32) (result i32)
    (local $table i32) (local $mask i32) (local $many i32) (local $seen i32)
    (local $ids i32) (local $firsts i32) (local $count i32) (local $firstCount i32)
    (local $stamp i32) (local $seed i64)
    (local $start i32) (local $h i64) (local $chunk i64) (local $spaces i64) (local $tail i32)
    (local $length i32) (local $slot i32) (local $at i32) (local $entry i32)
    (local $id i32) (local $k i32) (local $last i32)
    (local.set $table (i32.load (i32.const 0)))
    (local.set $mask (i32.load (i32.const 4)))
    (local.set $many (i32.load (i32.const 8)))
    (local.set $seen (i32.load (i32.const 12)))
    (local.set $ids (i32.load (i32.const 16)))
    (local.set $firsts (i32.load (i32.const 20)))
    (local.set $count (i32.load (i32.const 24)))
    (local.set $firstCount (i32.load (i32.const 28)))
    (local.set $stamp (i32.load (i32.const 32)))
    (local.set $seed (i64.load (i32.const 40)))
    (block $done
      (loop $pieces
        (br_if $done (i32.ge_u (local.get $pos) (local.get $end)))
        (local.set $start (local.get $pos))
        (local.set $h (local.get $seed))
        ;; Whole chunks of the piece, until one holds a space (0x20 bytes: a
        ;; zero byte of chunk ^ 0x2020..., the first one found exactly). The
        ;; hash takes each half of each chunk in a multiplication, so text bits
        ;; only ever enter the low half of the state, and a difference moves up
        ;; through carries that depend on the seed. (Written out twice, and the
        ;; slot below as in $slot: V8 did not inline the calls, and they cost.)
        (loop $chunks
          (local.set $chunk (i64.load (local.get $pos)))
          (local.set $spaces (i64.xor (local.get $chunk) (i64.const 0x2020202020202020)))
          (local.set $spaces
            (i64.and
              (i64.and (i64.sub (local.get $spaces) (i64.const 0x0101010101010101))
                (i64.xor (local.get $spaces) (i64.const -1)))
              (i64.const 0x8080808080808080)))
          (if (i64.eqz (local.get $spaces))
            (then
              (local.set $h
                (i64.mul
                  (i64.xor
                    (i64.mul (i64.xor (local.get $h) (i64.and (local.get $chunk) (i64.const 0xffffffff)))
                      (i64.const 0x9e3779b97f4a7c15))
                    (i64.shr_u (local.get $chunk) (i64.const 32)))
                  (i64.const 0x9e3779b97f4a7c15)))
              (local.set $pos (i32.add (local.get $pos) (i32.const 8)))
              (br $chunks))))
        ;; The bytes before the space, if any, masked from the rest.
        (local.set $tail (i32.wrap_i64 (i64.shr_u (i64.ctz (local.get $spaces)) (i64.const 3))))
        (if (local.get $tail)
          (then
            (local.set $chunk
              (i64.and (local.get $chunk)
                (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.shl (local.get $tail) (i32.const 3))))
                  (i64.const 1))))
            (local.set $h
              (i64.mul
                (i64.xor
                  (i64.mul (i64.xor (local.get $h) (i64.and (local.get $chunk) (i64.const 0xffffffff)))
                    (i64.const 0x9e3779b97f4a7c15))
                  (i64.shr_u (local.get $chunk) (i64.const 32)))
                (i64.const 0x9e3779b97f4a7c15)))))
        (local.set $pos (i32.add (local.get $pos) (local.get $tail)))
        (local.set $length (i32.sub (local.get $pos) (local.get $start)))
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (br_if $pieces (i32.eqz (local.get $length)))
        ;; The piece's slot: same hash and same length.
        (local.set $slot
          (i32.and
            (i32.wrap_i64
              (i64.shr_u
                (i64.mul (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 29)))
                  (i64.const 0xff51afd7ed558ccd))
                (i64.const 32)))
            (local.get $mask)))
        (block $found
          (loop $probe
            (local.set $at (i32.add (local.get $table) (i32.shl (local.get $slot) (i32.const 4))))
            (if (i32.eqz (i32.load offset=8 (local.get $at)))
              (then
                (i64.store (i32.const 48) (local.get $h))
                (i32.store (i32.const 56) (local.get $length))
                (i32.store (i32.const 24) (local.get $count))
                (i32.store (i32.const 28) (local.get $firstCount))
                (return (local.get $start))))
            (br_if $found
              (i32.and (i64.eq (i64.load (local.get $at)) (local.get $h))
                (i32.eq (i32.load offset=8 (local.get $at)) (local.get $length))))
            (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
            (br $probe)))
        (local.set $entry (i32.load offset=12 (local.get $at)))
        ;; One id, or a run of them in `many`.
        (if (i32.ge_s (local.get $entry) (i32.const 0))
          (then
            (local.set $k (i32.const 0))
            (local.set $last (i32.const 0)))
          (else
            (local.set $k (i32.add (local.get $many) (i32.shl (i32.sub (i32.const -1) (local.get $entry)) (i32.const 2))))
            (local.set $last (i32.add (local.get $k) (i32.shl (i32.load (local.get $k)) (i32.const 2))))
            (br_if $pieces (i32.eq (local.get $k) (local.get $last)))
            (local.set $k (i32.add (local.get $k) (i32.const 4)))
            (local.set $entry (i32.load (local.get $k)))))
        (loop $each
          (i32.store (i32.add (local.get $ids) (i32.shl (local.get $count) (i32.const 2))) (local.get $entry))
          (local.set $count (i32.add (local.get $count) (i32.const 1)))
          ;; Written as a first every time, and counted only if new in this text: no branch to mispredict.
          (local.set $at (i32.add (local.get $seen) (i32.shl (local.get $entry) (i32.const 2))))
          (i32.store (i32.add (local.get $firsts) (i32.shl (local.get $firstCount) (i32.const 2))) (local.get $entry))
          (local.set $firstCount
            (i32.add (local.get $firstCount) (i32.ne (i32.load (local.get $at)) (local.get $stamp))))
          (i32.store (local.get $at) (local.get $stamp))
          (if (i32.lt_u (local.get $k) (local.get $last))
            (then
              (local.set $k (i32.add (local.get $k) (i32.const 4)))
              (local.set $entry (i32.load (local.get $k)))
              (br $each))))
        (br $pieces)))
    (i32.store (i32.const 24) (local.get $count))
    (i32.store (i32.const 28) (local.get $firstCount))
    (i32.const -1)))
