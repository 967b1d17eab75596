#if FUZZING
    import Foundation

    /// libFuzzer's driver, entered from our own `main` (libFuzzer's `FuzzerMain.o` is then never linked).
    enum LibFuzzer {
        nonisolated(unsafe) static var selected: (@Sendable ([UInt8]) -> Void)?

        /// Runs libFuzzer with `arguments` (argv[0] first) over `target`; returns its exit status.
        static func run(_ target: @escaping @Sendable ([UInt8]) -> Void, arguments: [String]) -> Int32 {
            selected = target
            var argc = Int32(arguments.count)
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            return argv.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var base = buffer.baseAddress
                return LLVMFuzzerRunDriver(&argc, &base, fuzzOne)
            }
        }
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    // libFuzzer's runtime refers to this name even when its driver is entered from our own main.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data, let target = LibFuzzer.selected else { return 0 }
        target(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
#endif
