/// Pages of a Describe list that is several lists one after the other ("phases"), each cut from CloudStack's own
/// pages by a `CloudStackPager` of its own: a phase's tokens are bound to a scope naming the phase, so a `NextToken`
/// says which list it resumes and stays opaque, authenticated and bound to caller, action and query. The last phase
/// may be a short list the bridge holds (work still in flight), paged by offset.
struct PhasedPager {
    /// One pager a phase, in order.
    let pagers: [CloudStackPager]

    /// The pagers of `phases` lists for the request whose action and query are `scope` (`Pager.scope`), bound to the
    /// caller as well.
    init(scope: String, phases: Int, in context: ActionContext) {
        pagers = (0..<max(1, phases)).map { phase in
            CloudStackPager(
                codec: context.pageTokens,
                scope: Pager.scope([scope, "cloudstack", "phase", String(phase), context.accessKeyID]),
                pageSize: max(1, context.client.configuration.pageSize))
        }
    }

    /// The phase `nextToken` resumes and the token to give that phase's pager (phase 0 and nil for none).
    func resume(_ nextToken: String?) throws(EC2Error) -> (phase: Int, token: String?) {
        guard let nextToken, !nextToken.isEmpty else { return (0, nil) }
        guard let found = pagers.indices.first(where: { (try? pagers[$0].codec.decode(nextToken, scope: pagers[$0].scope)) != nil })
        else { throw EC2Error.invalidNextToken() }
        return (found, nextToken)
    }

    /// The token that starts `phase` (nil past the last).
    func start(of phase: Int) -> String? {
        pagers.indices.contains(phase) ? token(phase: phase, offset: 0) : nil
    }

    /// The offset a token of the held last phase carries (0 for none).
    func offset(_ token: String?, phase: Int) throws(EC2Error) -> Int {
        guard let token, pagers.indices.contains(phase) else { return 0 }
        return try pagers[phase].codec.decode(token, scope: pagers[phase].scope).offset
    }

    /// A token at `offset` into the held list of `phase`.
    func token(phase: Int, offset: Int) -> String {
        pagers[phase].codec.encode(PagePosition(offset: offset), scope: pagers[phase].scope)
    }

    /// The page of `held` (the last phase's list) from `token`'s offset with room for `room` items, and the token
    /// for the rest.
    func page<Item>(_ held: [Item], from token: String?, phase: Int, room: Int) throws(EC2Error) -> (items: ArraySlice<Item>, next: String?)
    {
        let offset = min(held.count, try self.offset(token, phase: phase))
        let end = min(held.count, offset + max(0, room))
        return (held[offset..<end], end < held.count ? self.token(phase: phase, offset: end) : nil)
    }
}
