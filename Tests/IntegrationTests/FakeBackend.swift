import Dispatch
import Glibc
import Synchronization

/// A misbehaving CloudStack written for the tests: a blocking loopback server on a Dispatch thread
/// that reads each request head and then does what `behaviour` says.
final class FakeBackend: @unchecked Sendable {
    enum Behaviour: Sendable {
        /// Answer with this status and body.
        case answer(status: Int, body: String)
        /// Read the request, never answer.
        case silent
        /// Read the request, then reset the connection.
        case reset
        /// Announce `bytes` of body and keep writing until the peer goes away.
        case huge(bytes: Int)
        /// Announce 100 bytes, then send one byte every `intervalMillis`.
        case drip(intervalMillis: Int)
    }

    let port: Int
    private let listener: Int32
    private let behaviour: Behaviour
    private let open = Mutex<[Int32]>([])
    let requests = Atomic<Int>(0)

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw FakeBackendError.setup
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let this = self
        DispatchQueue.global().async { this.acceptLoop() }
    }

    /// A port nothing listens on: connecting is refused.
    static func refusingPort() throws -> Int {
        let backend = try FakeBackend(.silent)
        let port = backend.port
        backend.stop()
        return port
    }

    enum FakeBackendError: Error { case setup }

    /// Stops accepting and closes every connection.
    func stop() {
        // shutdown wakes the thread blocked in accept (close alone would not, on Linux).
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        open.withLock { fds in
            for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            open.withLock { $0.append(fd) }
            DispatchQueue.global().async { self.serve(fd) }
        }
    }

    private func serve(_ fd: Int32) {
        // Forgotten before it is closed, under the lock `stop()` takes: shutting down a closed number
        // would hit whatever descriptor reused it (another test's connection).
        defer {
            open.withLock { fds in
                fds.removeAll { $0 == fd }
                close(fd)
            }
        }
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.ends(with: [13, 10, 13, 10]) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 1, 0) }
            guard n > 0 else { return }
            head.append(buffer[0])
        }
        requests.add(1, ordering: .relaxed)
        switch behaviour {
        case .answer(let status, let body):
            write(fd, "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        case .silent:
            while buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) > 0 {}
        case .reset:
            var option = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        case .huge(let bytes):
            guard write(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bytes)\r\n\r\n") else { return }
            let chunk = String(repeating: " ", count: 65536)
            var sent = 0
            while sent < bytes, write(fd, chunk) { sent += 65536 }
        case .drip(let interval):
            guard write(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n") else { return }
            for _ in 0..<100 {
                usleep(useconds_t(interval * 1000))
                guard write(fd, " ") else { return }
            }
        }
    }

    @discardableResult
    private func write(_ fd: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
