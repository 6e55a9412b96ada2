;; Generated from score-kernel.ts by `npm run kernels:wat`; do not edit by hand.
(module $score_kernel
  (type $t0 (func (param i32 i32 i32 i32 i32 i32 f32)))
  (import "env" "memory" (memory $env.memory 1))
  (func $scoreItems (type $t0) (param $itemFactors i32) (param $itemBias i32) (param $count i32) (param $strideBytes i32) (param $user i32) (param $out i32) (param $base f32)
    (local $at i32) (local $end i32) (local $row i32) (local $f i32) (local $acc v128)
    local.get $count
    i32.const 2
    i32.shl
    local.set $end
    local.get $itemFactors
    local.set $row
    block $B0
      loop $L1
        local.get $at
        local.get $end
        i32.ge_u
        br_if $B0
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $acc
        i32.const 0
        local.set $f
        loop $L2
          local.get $acc
          local.get $row
          local.get $f
          i32.add
          v128.load
          local.get $user
          local.get $f
          i32.add
          v128.load
          f32x4.mul
          f32x4.add
          local.set $acc
          local.get $f
          i32.const 16
          i32.add
          local.tee $f
          local.get $strideBytes
          i32.lt_u
          br_if $L2
        end
        local.get $out
        local.get $at
        i32.add
        local.get $base
        local.get $itemBias
        local.get $at
        i32.add
        f32.load
        f32.add
        local.get $acc
        f32x4.extract_lane 0
        local.get $acc
        f32x4.extract_lane 1
        f32.add
        local.get $acc
        f32x4.extract_lane 2
        local.get $acc
        f32x4.extract_lane 3
        f32.add
        f32.add
        f32.add
        f32.store
        local.get $row
        local.get $strideBytes
        i32.add
        local.set $row
        local.get $at
        i32.const 4
        i32.add
        local.set $at
        br $L1
      end
    end)
  (export "scoreItems" (func $scoreItems)))
