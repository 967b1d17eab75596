import Glibc

/// The folder `stackbridge demo` writes its client files into (key file, access token, CA), each readable by
/// the owner alone: a fresh private directory under `$TMPDIR`, removed when the demo stops, or the directory
/// given with `--state-dir`, which is kept.
struct DemoFolder: Sendable {
    /// The absolute path, as printed in the banner.
    let path: String
    /// Whether the demo made the directory itself (and so removes it, with what it wrote, when it stops).
    let isTemporary: Bool

    /// Why the folder or one of its files could not be made.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A fresh `stackbridge-demo.XXXXXX` directory (mode 0700) under `$TMPDIR` (or `/tmp`), or `stateDirectory`,
    /// made 0700 if missing.
    static func make(stateDirectory: String?, environment: [String: String]) throws(Failure) -> DemoFolder {
        if let stateDirectory {
            guard !stateDirectory.isEmpty else { throw Failure(description: "--state-dir: must not be empty") }
            if mkdir(stateDirectory, 0o700) != 0 && errno != EEXIST {
                throw Failure(description: "--state-dir \(stateDirectory): \(String(cString: strerror(errno)))")
            }
            return DemoFolder(path: try absolute(stateDirectory), isTemporary: false)
        }
        var base = environment["TMPDIR"] ?? ""
        if base.isEmpty { base = "/tmp" }
        if base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/stackbridge-demo.XXXXXX").utf8CString)
        // mkdtemp fills in the X's in place; the result points into `template`, so copy it out at once.
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
            return String(cString: result)
        }
        guard let made else {
            throw Failure(description: "cannot make a directory under \(base): \(String(cString: strerror(errno)))")
        }
        return DemoFolder(path: try absolute(made), isTemporary: true)
    }

    /// Writes `text` to `name` in the folder, mode 0600, replacing any earlier file atomically (a reader never
    /// sees half a token); returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws(Failure) -> String {
        let target = path + "/" + name
        let temporary = path + "/." + name + ".new"
        _ = unlink(temporary)
        // O_EXCL|O_NOFOLLOW: never write through a link someone planted in a shared directory.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(description: "\(temporary): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let reason = String(cString: strerror(errno))
                _ = close(descriptor)
                _ = unlink(temporary)
                throw Failure(description: "\(temporary): \(reason)")
            }
            offset += written
        }
        guard close(descriptor) == 0, rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = unlink(temporary)
            throw Failure(description: "\(target): \(reason)")
        }
        return target
    }

    /// The path a file `name` in the folder has.
    func file(_ name: String) -> String { path + "/" + name }

    /// Removes the files the demo wrote (`names`) and, when the demo made the folder, the folder itself.
    func clean(_ names: [String]) {
        guard isTemporary else { return }
        for name in names { _ = unlink(file(name)) }
        _ = rmdir(path)
    }

    private static func absolute(_ path: String) throws(Failure) -> String {
        guard let resolved = realpath(path, nil) else {
            throw Failure(description: "\(path): \(String(cString: strerror(errno)))")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
