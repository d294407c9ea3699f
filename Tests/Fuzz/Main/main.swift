import Foundation
import RedFlagFuzzTargets

// The libFuzzer entry point. Build and run with `Tests/Fuzz/run.sh`, which uses the one recipe that gives both
// coverage and AddressSanitizer with Swift 6.3 on Linux (see the script). The target is chosen at run time with
// `REDFLAG_FUZZ_TARGET` (html, warc, csv, jsonl, gzip, normalize, phones, ages, lexicon): one binary, one build.
// This file holds declarations only: libFuzzer supplies `main`.

private let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["REDFLAG_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        fatalError("set REDFLAG_FUZZ_TARGET to one of: \(names)")
    }
    return target
}()

/// Called once by libFuzzer before any input: shared state is built here, outside every input's timeout.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    selectedTarget.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget.run(bytes)
    return 0
}
