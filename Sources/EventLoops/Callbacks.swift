internal import CLibevent
import Glibc

// Every libevent callback of StackBridge lives in this file (STYLE.md). Each is a file-scope function,
// so it is nonisolated (a closure literal in @main would inherit the main actor and crash on a loop
// thread: notes, pitfall 4), recovers its Swift owner from the context pointer, and calls one method.

/// Loop thread entry point.
func loopThreadMain(_ arg: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let arg else { return nil }
    // Ownership: takes back the retain passed by Loop.start().
    let loop = Unmanaged<Loop>.fromOpaque(arg).takeRetainedValue()
    loop.run()
    return nil
}

/// The loop's wake event: jobs or closures were queued from some thread.
func loopWakeCallback(_ fd: Int32, _ what: Int16, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    Unmanaged<Loop>.fromOpaque(arg).takeUnretainedValue().drainInbox()
}

/// A complete request on a plain-HTTP listener.
func plainRequestCallback(_ request: OpaquePointer?, _ arg: UnsafeMutableRawPointer?) {
    guard let request, let arg else { return }
    Unmanaged<LoopFrontEnd>.fromOpaque(arg).takeUnretainedValue().handle(request, tls: false)
}

/// A complete request on an HTTPS listener.
func tlsRequestCallback(_ request: OpaquePointer?, _ arg: UnsafeMutableRawPointer?) {
    guard let request, let arg else { return }
    Unmanaged<LoopFrontEnd>.fromOpaque(arg).takeUnretainedValue().handle(request, tls: true)
}

/// evhttp asks for the bufferevent of a newly accepted plain-HTTP connection.
func plainBufferEventCallback(_ base: OpaquePointer?, _ arg: UnsafeMutableRawPointer?) -> OpaquePointer? {
    guard let base, let arg else { return nil }
    return Unmanaged<LoopFrontEnd>.fromOpaque(arg).takeUnretainedValue().makePlainBufferEvent(base: base)
}

/// evhttp asks for the bufferevent of a newly accepted HTTPS connection.
func tlsBufferEventCallback(_ base: OpaquePointer?, _ arg: UnsafeMutableRawPointer?) -> OpaquePointer? {
    guard let base, let arg else { return nil }
    return Unmanaged<LoopFrontEnd>.fromOpaque(arg).takeUnretainedValue().makeTLSBufferEvent(base: base)
}

/// evhttp is freeing a client connection that had sent a request.
func clientConnectionClosedCallback(_ evcon: OpaquePointer?, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    let connection = Unmanaged<ClientConnection>.fromOpaque(arg).takeUnretainedValue()
    connection.frontEnd.connectionClosed(connection)
}

/// The client socket of a request in flight became readable (EOF, error, or pipelined bytes).
func clientWatchCallback(_ fd: Int32, _ what: Int16, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    Unmanaged<InboundExchange>.fromOpaque(arg).takeUnretainedValue().socketReadable(fd)
}

/// A backend request finished: a response, or a failure (null request).
func backendRequestDoneCallback(_ request: OpaquePointer?, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    // Ownership: takes back the retain passed by BackendConnection.perform.
    Unmanaged<BackendExchange>.fromOpaque(arg).takeRetainedValue().complete(request)
}

/// A backend request failed; called before the done callback with the same argument.
func backendRequestErrorCallback(_ error: evhttp_request_error, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    Unmanaged<BackendExchange>.fromOpaque(arg).takeUnretainedValue().error = Int32(error.rawValue)
}

/// evhttp closed a backend connection.
func backendConnectionClosedCallback(_ evcon: OpaquePointer?, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    Unmanaged<BackendConnection>.fromOpaque(arg).takeUnretainedValue().didClose()
}

/// A backend pool's periodic tick.
func backendPoolTimerCallback(_ fd: Int32, _ what: Int16, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    Unmanaged<BackendPool>.fromOpaque(arg).takeUnretainedValue().tick()
}

/// A front end's periodic sweep: arm disconnect watches on requests still running.
func disconnectSweepCallback(_ fd: Int32, _ what: Int16, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    Unmanaged<LoopFrontEnd>.fromOpaque(arg).takeUnretainedValue().sweepWatches()
}

/// Bytes were added to or drained from a client connection's input buffer.
func clientInputCallback(_ buffer: OpaquePointer?, _ info: UnsafePointer<evbuffer_cb_info>?, _ arg: UnsafeMutableRawPointer?) {
    guard let buffer, let info, let arg, info.pointee.n_added > 0 else { return }
    Unmanaged<ClientConnection>.fromOpaque(arg).takeUnretainedValue().inputAdded(buffer, count: info.pointee.n_added)
}

/// Bytes were added to or drained from a client connection's output buffer.
func clientOutputCallback(_ buffer: OpaquePointer?, _ info: UnsafePointer<evbuffer_cb_info>?, _ arg: UnsafeMutableRawPointer?) {
    guard let buffer, let info, let arg, info.pointee.n_added > 0 else { return }
    Unmanaged<ClientConnection>.fromOpaque(arg).takeUnretainedValue().outputAdded(buffer)
}

/// A listener's `accept` failed with an error that is not retriable (EMFILE, ENFILE, ENOBUFS).
func listenerErrorCallback(_ listener: OpaquePointer?, _ arg: UnsafeMutableRawPointer?) {
    let error = errno
    // `arg` is the listener's own argument (evhttp's), so the front end is found by listener.
    guard let listener, let frontEnd = Loop.current?.state.listeners[listener]?.value else { return }
    frontEnd.acceptFailed(error)
}

/// The back-off after a failed accept is over.
func acceptResumeCallback(_ fd: Int32, _ what: Int16, _ arg: UnsafeMutableRawPointer?) {
    guard let arg else { return }
    Unmanaged<LoopFrontEnd>.fromOpaque(arg).takeUnretainedValue().acceptBackoffOver()
}
