;; Generated from sgd-kernel.ts by `npm run kernels:wat`; do not edit by hand.
(module $sgd_kernel
  (type $t0 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 f32 f32 f32 f32 f32 f32 f32 f32 f32) (result f64)))
  (import "env" "memory" (memory $env.memory 1))
  (func $sgdEpoch (type $t0) (param $users i32) (param $items i32) (param $ratings i32) (param $count i32) (param $userBias i32) (param $itemBias i32) (param $userFactors i32) (param $itemFactors i32) (param $strideBytes i32) (param $mu f32) (param $lrBu f32) (param $lrBi f32) (param $lrPu f32) (param $lrQi f32) (param $regBu f32) (param $regBi f32) (param $regPu f32) (param $regQi f32) (result f64)
    (local $at i32) (local $end i32) (local $user i32) (local $item i32) (local $userRow i32) (local $itemRow i32) (local $f i32) (local $biasAt i32) (local $err f32) (local $bias f32) (local $dot f32) (local $sse f64) (local $acc v128) (local $userStep v128) (local $userShrink v128) (local $itemStep v128) (local $itemShrink v128) (local $userLanes v128) (local $itemLanes v128)
    local.get $count
    i32.const 2
    i32.shl
    local.set $end
    f32.const 0x1p+0 (;=1;)
    local.get $lrPu
    local.get $regPu
    f32.mul
    f32.sub
    f32x4.splat
    local.set $userShrink
    f32.const 0x1p+0 (;=1;)
    local.get $lrQi
    local.get $regQi
    f32.mul
    f32.sub
    f32x4.splat
    local.set $itemShrink
    f64.const 0x0p+0 (;=0;)
    local.set $sse
    block $B0
      loop $L1
        local.get $at
        local.get $end
        i32.ge_u
        br_if $B0
        local.get $users
        local.get $at
        i32.add
        i32.load
        local.set $user
        local.get $userFactors
        local.get $user
        local.get $strideBytes
        i32.mul
        i32.add
        local.set $userRow
        local.get $items
        local.get $at
        i32.add
        i32.load
        local.set $item
        local.get $itemFactors
        local.get $item
        local.get $strideBytes
        i32.mul
        i32.add
        local.set $itemRow
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $acc
        i32.const 0
        local.set $f
        loop $L2
          local.get $acc
          local.get $userRow
          local.get $f
          i32.add
          v128.load
          local.get $itemRow
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
        local.set $dot
        local.get $ratings
        local.get $at
        i32.add
        f32.load
        local.get $mu
        local.get $userBias
        local.get $user
        i32.const 2
        i32.shl
        i32.add
        f32.load
        f32.add
        local.get $itemBias
        local.get $item
        i32.const 2
        i32.shl
        i32.add
        f32.load
        f32.add
        local.get $dot
        f32.add
        f32.sub
        local.set $err
        local.get $sse
        local.get $err
        f64.promote_f32
        local.get $err
        f64.promote_f32
        f64.mul
        f64.add
        local.set $sse
        local.get $userBias
        local.get $user
        i32.const 2
        i32.shl
        i32.add
        local.set $biasAt
        local.get $biasAt
        local.get $biasAt
        f32.load
        local.set $bias
        local.get $bias
        local.get $lrBu
        local.get $err
        local.get $regBu
        local.get $bias
        f32.mul
        f32.sub
        f32.mul
        f32.add
        f32.store
        local.get $itemBias
        local.get $item
        i32.const 2
        i32.shl
        i32.add
        local.set $biasAt
        local.get $biasAt
        local.get $biasAt
        f32.load
        local.set $bias
        local.get $bias
        local.get $lrBi
        local.get $err
        local.get $regBi
        local.get $bias
        f32.mul
        f32.sub
        f32.mul
        f32.add
        f32.store
        local.get $lrPu
        local.get $err
        f32.mul
        f32x4.splat
        local.set $userStep
        local.get $lrQi
        local.get $err
        f32.mul
        f32x4.splat
        local.set $itemStep
        i32.const 0
        local.set $f
        loop $L3
          local.get $userRow
          local.get $f
          i32.add
          v128.load
          local.set $userLanes
          local.get $itemRow
          local.get $f
          i32.add
          v128.load
          local.set $itemLanes
          local.get $userRow
          local.get $f
          i32.add
          local.get $userLanes
          local.get $userShrink
          f32x4.mul
          local.get $userStep
          local.get $itemLanes
          f32x4.mul
          f32x4.add
          v128.store
          local.get $itemRow
          local.get $f
          i32.add
          local.get $itemLanes
          local.get $itemShrink
          f32x4.mul
          local.get $itemStep
          local.get $userLanes
          f32x4.mul
          f32x4.add
          v128.store
          local.get $f
          i32.const 16
          i32.add
          local.tee $f
          local.get $strideBytes
          i32.lt_u
          br_if $L3
        end
        local.get $at
        i32.const 4
        i32.add
        local.set $at
        br $L1
      end
    end
    local.get $sse)
  (export "sgdEpoch" (func $sgdEpoch)))
