;; The postings of an index part (index-part.ts): for each word of the part,
;; the docs holding it as varint gaps. The same three passes as a JavaScript
;; loop would make (size each word's list, lay the lists out, write them in
;; place), here because in Chromium that loop cost about as much as numbering
;; the words (~12 ms at 11,300 rows).
;;
;; Memory (laid out by JavaScript, byte offsets of the regions passed in):
;;   starts: where each doc's distinct words start in `distinct`, plus the end (u32);
;;   distinct: each doc's distinct word ids, one doc after the other (u32);
;;   last, cursor: one u32 per word of the vocabulary, zeroed here;
;;   words, wordStarts: the part's words, ascending, and where each one's gaps
;;     start in `docs`, plus the end (u32, room for every word of the vocabulary);
;;   docs: the gaps (bytes; room for 5 per distinct id).
(module
  (memory (export "memory") 1)

  ;; Returns how many words the part holds; wordStarts[that] is the gaps' length.
  (func (export "encode")
    (param $starts i32) (param $distinct i32) (param $last i32) (param $cursor i32)
    (param $words i32) (param $wordStarts i32) (param $docs i32)
    (param $docCount i32) (param $vocabulary i32) (result i32)
    (local $doc i32) (local $k i32) (local $end i32) (local $id i32) (local $gap i32)
    (local $size i32) (local $present i32) (local $length i32) (local $at i32)
    ;; last[id] is 1 + the last doc the word was in (0: none yet, so the first gap counts from -1).
    (memory.fill (local.get $last) (i32.const 0) (i32.shl (local.get $vocabulary) (i32.const 2)))
    (memory.fill (local.get $cursor) (i32.const 0) (i32.shl (local.get $vocabulary) (i32.const 2)))
    ;; 1. Each word's bytes of gaps, in cursor[id].
    (local.set $doc (i32.const 0))
    (block $sized
      (loop $docs1
        (br_if $sized (i32.ge_u (local.get $doc) (local.get $docCount)))
        (local.set $k (i32.load (i32.add (local.get $starts) (i32.shl (local.get $doc) (i32.const 2)))))
        (local.set $end (i32.load offset=4 (i32.add (local.get $starts) (i32.shl (local.get $doc) (i32.const 2)))))
        (local.set $doc (i32.add (local.get $doc) (i32.const 1)))
        (block $next1
          (loop $ids1
            (br_if $next1 (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $id (i32.shl (i32.load (i32.add (local.get $distinct) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2)))
            (local.set $gap (i32.sub (local.get $doc) (i32.load (i32.add (local.get $last) (local.get $id)))))
            (i32.store (i32.add (local.get $last) (local.get $id)) (local.get $doc))
            (local.set $at (i32.add (local.get $cursor) (local.get $id)))
            (local.set $size (i32.load (local.get $at)))
            (local.set $present (i32.add (local.get $present) (i32.eqz (local.get $size))))
            ;; 7 bits a byte, without a branch.
            (i32.store (local.get $at)
              (i32.add (i32.add (local.get $size) (i32.const 1))
                (i32.add
                  (i32.add (i32.ge_u (local.get $gap) (i32.const 0x80)) (i32.ge_u (local.get $gap) (i32.const 0x4000)))
                  (i32.add (i32.ge_u (local.get $gap) (i32.const 0x20_0000)) (i32.ge_u (local.get $gap) (i32.const 0x1000_0000))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ids1)))
        (br $docs1)))
    ;; 2. The words present, and where each one's gaps go (cursor[id] becomes that place).
    (local.set $id (i32.const 0))
    (local.set $k (i32.const 0))
    (block $laid
      (loop $each
        (br_if $laid (i32.ge_u (local.get $id) (local.get $vocabulary)))
        (local.set $at (i32.add (local.get $cursor) (i32.shl (local.get $id) (i32.const 2))))
        (local.set $size (i32.load (local.get $at)))
        (if (local.get $size)
          (then
            (i32.store (i32.add (local.get $words) (i32.shl (local.get $k) (i32.const 2))) (local.get $id))
            (i32.store (i32.add (local.get $wordStarts) (i32.shl (local.get $k) (i32.const 2))) (local.get $length))
            (i32.store (local.get $at) (local.get $length))
            (i32.store (i32.add (local.get $last) (i32.shl (local.get $id) (i32.const 2))) (i32.const 0))
            (local.set $length (i32.add (local.get $length) (local.get $size)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))))
        (local.set $id (i32.add (local.get $id) (i32.const 1)))
        (br $each)))
    (i32.store (i32.add (local.get $wordStarts) (i32.shl (local.get $present) (i32.const 2))) (local.get $length))
    ;; 3. The gaps, each word's written at its cursor.
    (local.set $doc (i32.const 0))
    (block $written
      (loop $docs3
        (br_if $written (i32.ge_u (local.get $doc) (local.get $docCount)))
        (local.set $k (i32.load (i32.add (local.get $starts) (i32.shl (local.get $doc) (i32.const 2)))))
        (local.set $end (i32.load offset=4 (i32.add (local.get $starts) (i32.shl (local.get $doc) (i32.const 2)))))
        (local.set $doc (i32.add (local.get $doc) (i32.const 1)))
        (block $next3
          (loop $ids3
            (br_if $next3 (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $id (i32.shl (i32.load (i32.add (local.get $distinct) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2)))
            (local.set $gap (i32.sub (local.get $doc) (i32.load (i32.add (local.get $last) (local.get $id)))))
            (i32.store (i32.add (local.get $last) (local.get $id)) (local.get $doc))
            (local.set $at (i32.add (local.get $docs) (i32.load (i32.add (local.get $cursor) (local.get $id)))))
            (block $short
              (loop $bytes
                (br_if $short (i32.lt_u (local.get $gap) (i32.const 0x80)))
                (i32.store8 (local.get $at) (i32.or (i32.and (local.get $gap) (i32.const 0x7f)) (i32.const 0x80)))
                (local.set $at (i32.add (local.get $at) (i32.const 1)))
                (local.set $gap (i32.shr_u (local.get $gap) (i32.const 7)))
                (br $bytes)))
            (i32.store8 (local.get $at) (local.get $gap))
            (i32.store (i32.add (local.get $cursor) (local.get $id)) (i32.sub (i32.add (local.get $at) (i32.const 1)) (local.get $docs)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ids3)))
        (br $docs3)))
    (local.get $present)))
