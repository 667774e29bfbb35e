import Foundation
import PreflightFuzzing
#if FUZZING
import CLibFuzzer
#endif

/// `preflight-fuzz TARGET ARGS...`. Built with `-sanitize=fuzzer` and `-DFUZZING` (scripts/fuzz.sh), it hands ARGS
/// to libFuzzer; otherwise it replays the files and directories in ARGS through the target, to reproduce a crash.
@main
enum FuzzMain {
    nonisolated(unsafe) static var target = FuzzTarget.scanFile

    static func main() {
        var arguments = CommandLine.arguments
        guard arguments.count >= 2, let chosen = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: preflight-fuzz TARGET [ARGS...]; targets: \(names)\n".utf8))
            exit(2)
        }
        target = chosen
        arguments.remove(at: 1)
        #if FUZZING
        var argc = Int32(arguments.count)
        var cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
        }
        exit(status)
        #else
        replay(arguments.dropFirst())
        #endif
    }

    /// Runs the target on every file named, or found in a directory named, and says how many it ran.
    static func replay(_ paths: ArraySlice<String>) {
        var count = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("preflight-fuzz: no such file: \(path)\n".utf8))
                exit(2)
            }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run([UInt8](data))
                count += 1
            }
        }
        print("\(target.rawValue): \(count) inputs ran without a failure")
    }
}

#if FUZZING
/// libFuzzer's per-input callback; also exported under its conventional name, which libFuzzer's archive expects.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzMain.target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#endif
