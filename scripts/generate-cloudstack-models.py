#!/usr/bin/env python3
# Generates the CloudStack model structs in Sources/CloudStack/Models from listApis.json (CloudStack 4.18),
# so every wire name is verbatim (docs/cloudstack-client.md, "Models").
#
#     scripts/generate-cloudstack-models.py [path/to/listApis.json]    (default: Tests/Fixtures/cloudstack/listApis.json)
#     scripts/generate-cloudstack-models.py --check [listApis.json]    exit 1 if a generated file differs
#
# Models with more than 25 fields get their decoder in a separate `<Model>+Decoding.swift`. Each decoder is
# split into `decode` and `decodeMembers` so the result is moved, not copied, and switches on the key's byte
# length first. AsyncJob, AsyncJobReceipt, Redaction and SuccessResult are written by hand.
import json, os, re, subprocess, sys, collections
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECK = '--check' in sys.argv
ARGS = [a for a in sys.argv[1:] if a != '--check']
SOURCE = ARGS[0] if ARGS else os.path.join(ROOT, 'Tests', 'Fixtures', 'cloudstack', 'listApis.json')
d = json.load(open(SOURCE))
apis = {a['name']: a for a in (d['listapisresponse']['api'] if 'listapisresponse' in d else d['api'])}
OUT = os.path.join(ROOT, 'Sources', 'CloudStack', 'Models') + '/'
DIFFERENT = []

def formatted(text):
    """The text as `swift format` writes it with the repository's .swift-format, so the check in
    `make test` (format lint) and `--check` here agree."""
    result = subprocess.run(['swift', 'format', '--configuration', os.path.join(ROOT, '.swift-format')],
                            input=text, capture_output=True, text=True, check=True)
    return result.stdout
KEYWORDS = {'protocol', 'default', 'class', 'struct', 'extension', 'import', 'func', 'var', 'let', 'internal',
            'private', 'public', 'static', 'operator', 'repeat', 'return', 'self', 'Self', 'super', 'throw',
            'true', 'false', 'nil', 'in', 'is', 'as', 'if', 'else', 'for', 'while', 'switch', 'case', 'where',
            'init', 'deinit', 'subscript', 'typealias', 'enum', 'break', 'continue', 'do', 'catch', 'try', 'guard', 'defer', 'fallthrough'}
SKIP = {'icon', 'childtemplates', 'downloaddetails', 'capacity', 'ip6routes', 'zonesnetworkspans', 'network', 'service',
        'extradhcpoption', 'secondaryip'}
# The fields the bridge reads, for the models listed on every request (a 10-VM list is 840 VM fields
# otherwise, most of them strings to allocate, copy and free): other keys are skipped like unknown ones.
# A model not named here has every field of its response. To read another field, add it here and run
# this script again (docs/decisions/0004-models-carry-the-fields-the-bridge-reads.md).
READ_ONLY = {
    'VirtualMachine': [
        'account', 'affinitygroup', 'cpunumber', 'cpuspeed', 'created', 'details', 'diskofferingname', 'displayname', 'domain',
        'domainid', 'group', 'groupid', 'guestosid', 'hostname', 'hypervisor', 'id', 'jobid', 'jobstatus', 'keypairs', 'memory', 'name', 'nic',
        'ostypeid', 'passwordenabled', 'project', 'publicip', 'securitygroup', 'serviceofferingid', 'serviceofferingname',
        'state', 'tags', 'templateid', 'templatename', 'userdata', 'username', 'zoneid', 'zonename'],
    'VpnCustomerGateway': [
        'account', 'cidrlist', 'domain', 'domainid', 'dpd', 'esplifetime', 'esppolicy', 'forceencap', 'gateway', 'id',
        'ikelifetime', 'ikepolicy', 'ikeversion', 'ipaddress', 'jobid', 'jobstatus', 'name', 'removed', 'splitconnections'],
    'NetworkOffering': ['forvpc', 'guestiptype', 'id', 'name', 'state'],
    'VPCOffering': ['id', 'name', 'state'],
    'Nic': [
        'deviceid', 'gateway', 'id', 'ipaddress', 'isdefault', 'macaddress', 'netmask', 'networkid', 'networkname', 'secondaryip',
        'type', 'virtualmachineid', 'vpcid', 'vpcname'],
    'VpnConnection': [
        'account', 'cidrlist', 'created', 'domain', 'domainid', 'dpd', 'esplifetime', 'esppolicy', 'forceencap', 'fordisplay',
        'gateway', 'id', 'ikelifetime', 'ikepolicy', 'ikeversion', 'jobid', 'jobstatus', 'passive', 'publicip', 'removed',
        's2scustomergatewayid', 's2svpngatewayid', 'splitconnections', 'state'],
    'Volume': [
        'account', 'attached', 'created', 'deviceid', 'diskofferingid', 'diskofferingname', 'domain', 'domainid', 'hypervisor', 'id',
        'jobid', 'jobstatus', 'snapshotid', 'vmstate',
        'name', 'path', 'physicalsize', 'project', 'serviceofferingid', 'serviceofferingname', 'size', 'state', 'status',
        'storage', 'tags', 'templateid', 'templatename', 'type', 'virtualmachineid', 'vmname', 'zoneid', 'zonename'],
}
STRING_LISTS = {'virtualmachineids', 'groups', 'ipaddresses', 'virtualmachineIds'}

# model name -> (source: (command, nested field or None), summary, nested type map, extra exclusions)
MODELS = [
    ('VirtualMachine', ('listVirtualMachines', None), 'A virtual machine (`virtualmachine` in listVirtualMachines and VM job results).',
     {'nic': 'Nic', 'securitygroup': 'SecurityGroup', 'tags': 'Tag', 'affinitygroup': 'AffinityGroup'}),
    ('Nic', ('listVirtualMachines', 'nic'), "A VM's network interface (`nic` of a virtual machine).", {'secondaryip': 'NicSecondaryIP'}),
    ('NicSecondaryIP', ('addIpToNic', None), 'A secondary IPv4 address of a NIC (`nicsecondaryip` from addIpToNic, `secondaryip` of a nic).', {}),
    ('AffinityGroup', ('listVirtualMachines', 'affinitygroup'), "An affinity group reference (`affinitygroup` of a virtual machine).", {}),
    ('InstanceGroup', ('listInstanceGroups', None), 'An instance group (`instancegroup` in listInstanceGroups, createInstanceGroup and updateInstanceGroup).', {}),
    ('Tag', ('listTags', None), 'A resource tag (`tag` in listTags, `tags` on resources).', {}),
    ('SecurityGroup', ('listSecurityGroups', None), 'A security group (`securitygroup`), with its ingress and egress rules.',
     {'ingressrule': 'SecurityGroupRule', 'egressrule': 'SecurityGroupRule', 'tags': 'Tag'}),
    ('SecurityGroupRule', ('authorizeSecurityGroupIngress', None), 'One ingress or egress rule of a security group (`ingressrule`/`egressrule`).', {'tags': 'Tag'}),
    ('Template', ('listTemplates', None), 'A template (`template` in listTemplates), an EC2 image or GCE image.', {'tags': 'Tag'}),
    ('Volume', ('listVolumes', None), 'A volume (`volume` in listVolumes and volume job results).', {'tags': 'Tag'}),
    ('Snapshot', ('listSnapshots', None), 'A volume snapshot (`snapshot` in listSnapshots and createSnapshot results).', {'tags': 'Tag'}),
    ('Zone', ('listZones', None), 'A zone (`zone` in listZones).', {'tags': 'Tag'}),
    ('Region', ('listRegions', None), 'A region (`region` in listRegions).', {}),
    ('ServiceOffering', ('listServiceOfferings', None), 'A compute offering (`serviceoffering`), an EC2 instance type or GCE machine type.', {}),
    ('DiskOffering', ('listDiskOfferings', None), 'A disk offering (`diskoffering` in listDiskOfferings).', {}),
    ('SSHKeyPair', ('createSSHKeyPair', None), 'An SSH key pair (`sshkeypair` in lists, `keypair` from create/register; `privatekey` only from create).', {}),
    ('Network', ('listNetworks', None), 'A guest network (`network` in listNetworks and createNetwork).', {'tags': 'Tag'}),
    ('VPC', ('listVPCs', None), 'A VPC (`vpc` in listVPCs and createVPC results).', {'tags': 'Tag'}),
    ('NetworkOffering', ('listNetworkOfferings', None), 'A network offering (`networkoffering` in listNetworkOfferings).', {}),
    ('VPCOffering', ('listVPCOfferings', None), 'A VPC offering (`vpcoffering` in listVPCOfferings).', {}),
    ('NetworkACLList', ('listNetworkACLLists', None), 'A network ACL list (`networkacllist` in listNetworkACLLists and createNetworkACLList results).', {}),
    ('NetworkACLItem', ('listNetworkACLs', None), 'One rule of a network ACL list (`networkacl` in listNetworkACLs and createNetworkACL results).', {'tags': 'Tag'}),
    ('PrivateGateway', ('listPrivateGateways', None), 'A VPC private gateway (`privategateway` in listPrivateGateways).', {}),
    ('VpnCustomerGateway', ('listVpnCustomerGateways', None), 'A site-to-site VPN customer gateway (`vpncustomergateway`); its `ipsecpsk` is never read.', {}),
    ('VpnGateway', ('listVpnGateways', None), "A VPC's site-to-site VPN gateway (`vpngateway` in listVpnGateways and createVpnGateway results).", {}),
    ('VpnConnection', ('listVpnConnections', None), 'A site-to-site VPN connection (`vpnconnection`); its `ipsecpsk` is never read.', {}),
    ('StaticRoute', ('listStaticRoutes', None), 'A VPC static route (`staticroute` in listStaticRoutes and createStaticRoute results).', {'tags': 'Tag'}),
    ('PublicIPAddress', ('listPublicIpAddresses', None), 'A public IP address (`publicipaddress` in lists, `ipaddress` from associateIpAddress).', {'tags': 'Tag'}),
    ('Account', ('listAccounts', None), 'An account (`account` in listAccounts), with its resource counts and users.', {'user': 'User'}),
    ('User', ('listUsers', None), 'A user (`user` in listUsers and getUser).', {}),
    ('UserKeys', ('getUserKeys', None), "A user's API key pair (`userkeys` from getUserKeys).", {}),
    ('ResourceLimit', ('listResourceLimits', None), 'A resource limit (`resourcelimit` in listResourceLimits).', {}),
    ('Capabilities', ('listCapabilities', None), 'The cloud\'s capabilities (`capability` from listCapabilities).', {}),
    ('VMPassword', ('getVMPassword', None), "A VM's encrypted password (`password` from getVMPassword).", {}),
]
SCALAR = {'string': ('String', 'text'), 'date': ('String', 'text'), 'uuid': ('String', 'text'), 'imageformat': ('String', 'text'),
          'state': ('String', 'text'), 'boolean': ('Bool', 'flag'), 'integer': ('Int64', 'integer'), 'long': ('Int64', 'integer'),
          'int': ('Int64', 'integer'), 'short': ('Int64', 'integer'), 'float': ('Double', 'decimal'), 'double': ('Double', 'decimal')}

def fields_for(cmd, nested):
    resp = [r for r in apis[cmd]['response'] if r]
    if nested:
        resp = [x for x in next(r for r in resp if r['name'] == nested)['response'] if x]
    seen = collections.OrderedDict()
    for r in sorted(resp, key=lambda r: r['name']):
        seen.setdefault(r['name'], r)
    return list(seen.values())

def one_line(text):
    text = re.sub(r'\s+', ' ', (text or '').strip())
    return text if text else 'No description in listApis.'

def ident(name):
    return f'`{name}`' if name in KEYWORDS else name

for model, (cmd, nested), summary, nested_types in MODELS:
    props, cases, names = [], [], []
    for f in fields_for(cmd, nested):
        n, t = f['name'], f['type']
        if (n in SKIP and n not in nested_types) or t in ('resourceiconresponse', 'responseobject'):
            continue
        if model in READ_ONLY and n not in READ_ONLY[model]:
            continue
        desc = one_line(f.get('description'))
        if n in nested_types:
            typ, default, read = f'[{nested_types[n]}]', ' = []', f'try reader.objects({nested_types[n]}.self)'
        elif n in STRING_LISTS:
            typ, default, read = '[String]', ' = []', 'try reader.texts()'
        elif t == 'map':
            typ, default, read = '[String: String]', ' = [:]', 'try reader.textMap()'
        elif t in SCALAR:
            s, fn = SCALAR[t]
            typ, default, read = f'{s}?', '', f'try reader.{fn}()'
        elif n == 'keypairs':
            typ, default, read = 'String?', '', 'try reader.text()'
        else:
            raise SystemExit(f'unmapped {model}.{n}: {t}')
        names.append(n)
        props.append(f'    /// `{n}`: {desc}\n    public var {ident(n)}: {typ}{default}')
        cases.append((n, f'value.{ident(n)} = {read}'))
    by_len = collections.defaultdict(list)
    for n, stmt in cases:
        by_len[len(n.encode())].append((n, stmt))
    dec = []
    dec.append(f'    /// Decodes one `{model}` object, skipping unknown fields.')
    dec.append('    public static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {')
    dec.append('        var value = Self()')
    dec.append('        try decodeMembers(into: &value, from: &reader)')
    dec.append('        return value')
    dec.append('    }')
    dec.append('')
    dec.append('    /// Reads the members into `value`; separate from `decode` so the result is moved, not copied.')
    dec.append('    static func decodeMembers(into value: inout Self, from reader: inout JSONReader) throws(JSONError) {')
    dec.append('        try reader.beginObject()')
    dec.append('        while let key = try reader.nextKey() {')
    dec.append('            // Grouping by length first keeps each lookup to a few byte comparisons.')
    dec.append('            switch key.byteCount {')
    for L in sorted(by_len):
        dec.append(f'            case {L}:')
        dec.append('                switch key {')
        for n, stmt in by_len[L]:
            dec.append(f'                case "{n}": {stmt}')
        dec.append('                default: try reader.skip()')
        dec.append('                }')
    dec.append('            default: try reader.skip()')
    dec.append('            }')
    dec.append('        }')
    dec.append('    }')
    wire = '    /// The wire names this model reads, for table tests against listApis.json.\n    package static let wireFieldNames: [String] = [\n' + \
        '\n'.join('        ' + ', '.join(f'"{n}"' for n in names[i:i + 6]) + ',' for i in range(0, len(names), 6)) + '\n    ]'
    header = f'// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.\n'
    body = f'public import JSON\n\n/// {summary}\npublic struct {model}: CloudStackDecodable, Equatable {{\n' + '\n'.join(props) + \
        '\n\n    /// Creates a value with every field absent.\n    public init() {}\n}\n'
    ext = f'public import JSON\n\nextension {model} {{\n' + '\n'.join(dec) + '\n\n' + wire + '\n}\n'
    if len(names) > 25:
        files = {f'{model}.swift': header + body.replace('public import JSON\n\n', ''), f'{model}+Decoding.swift': header + ext}
    else:
        files = {f'{model}.swift': header + body + '\n' + ext.replace('public import JSON\n\n', '')}
    stale = f'{model}+Decoding.swift'
    if stale not in files and os.path.exists(OUT + stale):
        if CHECK:
            DIFFERENT.append(stale + ' (should not exist)')
        else:
            os.remove(OUT + stale)
    for name, text in files.items():
        text = formatted(text)
        if CHECK:
            if not os.path.exists(OUT + name) or open(OUT + name).read() != text:
                DIFFERENT.append(name)
        else:
            open(OUT + name, 'w').write(text)
    print(model, len(names), 'fields')

if DIFFERENT:
    print('differs from the generator:', ', '.join(DIFFERENT))
    sys.exit(1)
