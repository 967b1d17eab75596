internal import CLibevent

/// Owns the Swift side of one accepted client connection (`evhttp_connection`, freed by evhttp).
///
/// Registered on the connection's first request so that a disconnect can cancel the request in flight.
final class ClientConnection: @unchecked Sendable {
    let evcon: OpaquePointer
    let tls: Bool
    unowned let frontEnd: LoopFrontEnd
    /// The request currently being answered on this connection, if any.
    var current: InboundExchange?

    init(evcon: OpaquePointer, tls: Bool, frontEnd: LoopFrontEnd) {
        self.evcon = evcon
        self.tls = tls
        self.frontEnd = frontEnd
    }

    /// evhttp is closing the connection: cancel whatever runs for it.
    func closed() {
        frontEnd.loop.assertInLoop()
        current?.clientWentAway()
        current = nil
    }
}
