internal import CLibevent
import Glibc

/// Creates the listening sockets every loop accepts from.
enum ListeningSocket {
    /// Binds and listens on `address:port` (IPv4 or IPv6 literal); returns the fd and the bound port.
    static func bind(address: String, port: Int) throws(EventLoopError) -> (Int32, Int) {
        guard (0...65535).contains(port) else { throw .listen("port \(port) is out of range") }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST
        var result: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(address, String(port), &hints, &result)
        guard rc == 0, let info = result else { throw .listen("cannot use address \(address): \(String(cString: gai_strerror(rc)))") }
        defer { freeaddrinfo(result) }
        let fd = socket(
            info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        // Inherited by accepted sockets on Linux: replies are not held back by Nagle + delayed ACK (notes, pitfall 8).
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        guard Glibc.bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let error = errno
            Glibc.close(fd)
            throw .listen("cannot bind \(address):\(port): \(String(cString: strerror(error)))")
        }
        guard listen(fd, 1024) == 0 else {
            let error = errno
            Glibc.close(fd)
            throw .system("listen", error)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let bound = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        var actualPort = port
        if bound == 0 {
            if Int32(storage.ss_family) == AF_INET {
                actualPort = withUnsafePointer(to: &storage) {
                    $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
                }
            } else if Int32(storage.ss_family) == AF_INET6 {
                actualPort = withUnsafePointer(to: &storage) {
                    $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
                }
            }
        }
        return (fd, actualPort)
    }
}
