import Foundation

// `stackbridge-fuzz TARGET [INPUT...]`: with no -DFUZZING it replays each input file (or every file of
// each input folder) through TARGET once, so `make test` keeps the committed corpus, crash inputs
// included, as regression cases. Built with `-DFUZZING -sanitize=fuzzer,address` (`make fuzz`), the
// same command hands the remaining arguments to libFuzzer (`-max_total_time=`, corpus folders).

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = Targets.all[arguments[1]] else {
    FileHandle.standardError.write(
        Data("usage: stackbridge-fuzz TARGET [INPUT...]; targets: \(Targets.all.keys.sorted().joined(separator: " "))\n".utf8))
    exit(2)
}

#if FUZZING
    exit(LibFuzzer.run(target, arguments: [arguments[0]] + arguments.dropFirst(2)))
#else
    var inputs: [URL] = []
    for path in arguments.dropFirst(2) {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("stackbridge-fuzz: no such input \(path)\n".utf8))
            exit(2)
        }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            inputs += names.sorted().map { url.appendingPathComponent($0) }
        } else {
            inputs.append(url)
        }
    }
    for input in inputs {
        guard let data = try? Data(contentsOf: input) else { continue }
        target(Array(data))
    }
    print("\(arguments[1]): \(inputs.count) inputs ran")
#endif
