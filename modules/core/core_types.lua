---@meta
-- LuaLS annotations for HAProxy 2.6's Lua API as proxylua.core emulates it.
-- Add the installed file's directory to `workspace.library` (or
-- `Lua.workspace.library` in VS Code) so that `core.`, `txn.` and `applet.`
-- complete in an editor. Never required at run time.

---@class core
---@field emerg integer 0
---@field alert integer 1
---@field crit integer 2
---@field err integer 3
---@field warning integer 4
---@field notice integer 5
---@field info integer 6
---@field debug integer 7
---@field thread integer 0 for lua-load, 1..n for lua-load-per-thread
---@field proxies table<string, Proxy>|nil nil in the lua-load body
---@field frontends table<string, Proxy>|nil
---@field backends table<string, Proxy>|nil
core = {}

---@param name string
---@param actions ("tcp-req"|"tcp-res"|"http-req"|"http-res")[]
---@param fn fun(txn: TXN, ...: string): integer?
---@param nb_args? integer
function core.register_action(name, actions, fn, nb_args) end
---@param name string
---@param fn fun(txn: TXN, ...: string): any
function core.register_fetches(name, fn) end
---@param name string
---@param fn fun(input: string, ...: string): any
function core.register_converters(name, fn) end
---@param name string
---@param mode "http"|"tcp"
---@param fn fun(applet: AppletHTTP|AppletTCP)
function core.register_service(name, mode, fn) end
---@param fn fun()
function core.register_init(fn) end
---@param fn fun()
function core.register_task(fn) end
---@param path string[] 1 to 5 words
---@param usage string
---@param fn fun(applet: AppletTCP, ...: string)
function core.register_cli(path, usage, fn) end
---@param name string
---@param class table
---@param fn fun(class: table, args: string[])
function core.register_filter(name, class, fn) end
---@param level integer 0..7
---@param msg string
function core.log(level, msg) end
---@param msg string
function core.Debug(msg) end
---@param msg string
function core.Info(msg) end
---@param msg string
function core.Warning(msg) end
---@param msg string
function core.Alert(msg) end
---@return {sec: integer, usec: integer}
function core.now() end
---@param date string
---@return integer|nil
function core.http_date(date) end
---@param date string
---@return integer|nil
function core.imf_date(date) end
---@param date string
---@return integer|nil
function core.rfc850_date(date) end
---@param date string
---@return integer|nil
function core.asctime_date(date) end
---@param s string
---@param separators string
---@param noblank? boolean
---@return string[]
function core.tokenize(s, separators, noblank) end
---@param addr string
---@return userdata|nil
function core.parse_addr(addr) end
---@param a userdata
---@param b userdata
---@return boolean
function core.match_addr(a, b) end
---@return table<string, string|integer>
function core.get_info() end
---@return Concat
function core.concat() end
---@param value? any
function core.done(value) end
function core.yield() end
---@param seconds integer
function core.sleep(seconds) end
---@param ms integer
function core.msleep(ms) end
---@param nice integer
function core.set_nice(nice) end
---@return Socket
function core.tcp() end
---@return HTTPClient|nil
function core.httpclient() end
---@param file string
---@param key string
---@param value string
function core.set_map(file, key, value) end
---@param file string
---@param key string
function core.del_map(file, key) end
---@param file string
---@param key string
function core.add_acl(file, key) end
---@param file string
---@param key string
function core.del_acl(file, key) end

---@class act
---@field CONTINUE integer 0
---@field STOP integer 1
---@field YIELD integer 2
---@field ERROR integer 3
---@field DONE integer 4
---@field DENY integer 5
---@field ABORT integer 6
---@field INVALID integer 7
act = {}
---@param ms integer (call with a dot: act.wake_time(ms))
function act.wake_time(ms) end

---@class filter
---@field CONTINUE integer 1
---@field WAIT integer 0
---@field ERROR integer -1
---@field FLT_CFG_FL_HTX integer 1
filter = {}
function filter.register_data_filter(flt, chn) end
function filter.unregister_data_filter(flt, chn) end
---@param ms integer
function filter.wake_time(ms) end

---@class Map
---@field _str integer
---@field _beg integer
---@field _sub integer
---@field _dir integer
---@field _dom integer
---@field _end integer
---@field _reg integer
---@field _int integer
---@field _ip integer
Map = {}
---@param file string
---@param method? integer
---@return Map
function Map.new(file, method) end
---@param key string
---@return string|nil
function Map:lookup(key) end
---@param key string
---@return string
function Map:slookup(key) end

---@class Regex
Regex = {}
---@param pattern string
---@param case_sensitive boolean
---@return boolean ok, Regex|string regex_or_error
function Regex.new(pattern, case_sensitive) end
---@param s string
---@return boolean
function Regex:exec(s) end
---@param s string
---@return boolean, string[]
function Regex:match(s) end

---@class CertCache
CertCache = {}
---@param t {filename: string, crt: string, key?: string, ocsp?: string, issuer?: string, sctl?: string}
function CertCache.set(t) end

---@class Concat
local Concat = {}
---@param s string|number
function Concat:add(s) end
---@return string
function Concat:dump() end

---@class TXN
---@field f Fetches
---@field sf Fetches string results
---@field c Converters
---@field sc Converters string results
---@field req Channel
---@field res Channel
---@field http HTTP|nil nil in TCP streams
---@field http_req HTTPMessage|nil only in filter callbacks
---@field http_res HTTPMessage|nil only in filter callbacks
local TXN = {}
---@param level integer
---@param msg string
function TXN:log(level, msg) end
---@param msg string
function TXN:deflog(msg) end
---@param msg string
function TXN:Debug(msg) end
---@param msg string
function TXN:Info(msg) end
---@param msg string
function TXN:Warning(msg) end
---@param msg string
function TXN:Alert(msg) end
---@return any
function TXN:get_priv() end
---@param v any
function TXN:set_priv(v) end
---@param name string "scope.name", scope in proc sess txn req res check
---@param value any
---@param ifexist? boolean
---@return boolean
function TXN:set_var(name, value, ifexist) end
---@param name string
---@return boolean
function TXN:unset_var(name) end
---@param name string
---@return string|integer|nil
function TXN:get_var(name) end
---@param t? {status?: integer, reason?: string, headers?: table<string, string[]>, body?: string}
---@return Reply
function TXN:reply(t) end
---@param reply? Reply|table
function TXN:done(reply) end
---@param level integer
function TXN:set_loglevel(level) end
---@param tos integer
function TXN:set_tos(tos) end
---@param mark integer
function TXN:set_mark(mark) end
---@param class integer
function TXN:set_priority_class(class) end
---@param offset integer
function TXN:set_priority_offset(offset) end

---@class Reply
---@field status integer
---@field reason string
---@field headers table<string, string[]>
---@field body string|nil
local Reply = {}
---@return boolean
function Reply:set_status(status, reason) end
---@return boolean
function Reply:add_header(name, value) end
---@return boolean
function Reply:del_header(name) end
---@return boolean
function Reply:set_body(body) end

---@alias HeaderTable table<string, table<integer, string>> lower-case name -> 0-based values

---@class HTTP
local HTTP = {}
---@return HeaderTable
function HTTP:req_get_headers() end
---@return HeaderTable
function HTTP:res_get_headers() end
function HTTP:req_add_header(name, value) end
function HTTP:res_add_header(name, value) end
function HTTP:req_del_header(name) end
function HTTP:res_del_header(name) end
function HTTP:req_set_header(name, value) end
function HTTP:res_set_header(name, value) end
function HTTP:req_rep_header(name, regex, replace) end
function HTTP:res_rep_header(name, regex, replace) end
function HTTP:req_rep_value(name, regex, replace) end
function HTTP:res_rep_value(name, regex, replace) end
---@return boolean
function HTTP:req_set_method(method) end
---@return boolean
function HTTP:req_set_path(path) end
---@return boolean
function HTTP:req_set_query(query) end
---@return boolean
function HTTP:req_set_uri(uri) end
function HTTP:res_set_status(status, reason) end

---@class Channel
local Channel = {}
---@return string
function Channel:data(offset, length) end
---@return string
function Channel:line(offset, length) end
---@return integer
function Channel:append(s) end
---@return integer
function Channel:prepend(s) end
---@return integer
function Channel:insert(s, offset) end
---@return integer
function Channel:set(s, offset, length) end
---@return integer
function Channel:remove(offset, length) end
---@return integer
function Channel:send(s) end
---@return integer
function Channel:forward(n) end
---@return integer
function Channel:input() end
---@return integer
function Channel:output() end
---@return boolean
function Channel:is_full() end
---@return boolean
function Channel:is_resp() end
---@return boolean
function Channel:may_recv() end
---@return string|nil
function Channel:dup() end
---@return string|nil
function Channel:get() end
---@return string|nil
function Channel:getline() end

---@class AppletHTTP
---@field f Fetches
---@field sf Fetches
---@field c Converters
---@field sc Converters
---@field method string
---@field version string "HTTP/1.1"
---@field path string|nil raw, without the query
---@field qs string|nil
---@field length integer
---@field headers HeaderTable
local AppletHTTP = {}
---@return boolean
function AppletHTTP:set_status(status, reason) end
---@return boolean
function AppletHTTP:add_header(name, value) end
function AppletHTTP:start_response() end
---@return string
function AppletHTTP:getline() end
---@return string
function AppletHTTP:receive(size) end
---@return integer
function AppletHTTP:send(data) end
function AppletHTTP:get_priv() end
function AppletHTTP:set_priv(v) end
---@return boolean
function AppletHTTP:set_var(name, value, ifexist) end
---@return boolean
function AppletHTTP:unset_var(name) end
function AppletHTTP:get_var(name) end

---@class AppletTCP
---@field f Fetches
---@field sf Fetches
---@field c Converters
---@field sc Converters
local AppletTCP = {}
---@return string
function AppletTCP:getline() end
---@return string
function AppletTCP:receive(size) end
---@return integer
function AppletTCP:send(data) end
function AppletTCP:get_priv() end
function AppletTCP:set_priv(v) end
---@return boolean
function AppletTCP:set_var(name, value, ifexist) end
---@return boolean
function AppletTCP:unset_var(name) end
function AppletTCP:get_var(name) end

---@class Proxy
---@field name string
---@field uuid string
---@field servers table<string, Server>
---@field listeners table<string, table>
---@field stktable StickTable|nil nil when the proxy has no stick-table
local Proxy = {}
function Proxy:pause() end
function Proxy:resume() end
function Proxy:stop() end
function Proxy:shut_bcksess() end
---@return "frontend"|"backend"|"proxy"
function Proxy:get_cap() end
---@return string
function Proxy:get_mode() end
---@return table
function Proxy:get_stats() end

---@class StickTable
local StickTable = {}
---@return {type: string, length: integer, size: integer, used: integer, nopurge: boolean, expire: integer, data: table<string, integer>}
function StickTable:info() end
---@param key string|integer
---@return table|nil entry {use=, expire=, <column>=value...}
function StickTable:lookup(key) end
---@param filter? table up to 4 {column, op, value} triplets (op: eq ne le lt ge gt)
---@return table|nil entries key -> {<column>=value...}
---@return string? error
function StickTable:dump(filter) end

---@class Server
---@field name string
---@field puid string
local Server = {}
---@return integer 0 or 1 in 2.6
function Server:is_draining() end
---@return string|nil
function Server:set_maxconn(v) end
---@return integer
function Server:get_maxconn() end
---@return string|nil
function Server:set_weight(v) end
---@return integer
function Server:get_weight() end
---@return string
function Server:set_addr(addr, port) end
---@return string
function Server:get_addr() end
---@return table
function Server:get_stats() end
function Server:shut_sess() end
function Server:set_drain() end
function Server:set_maint() end
function Server:set_ready() end

---@class Socket
local Socket = {}
---@return integer|nil ok, string? err
function Socket:connect(address, port) end
---@return integer|nil ok, string? err
function Socket:connect_ssl(address, port) end
---@return integer bytes (-1 on failure)
function Socket:send(data, i, j) end
---@param pattern? "*l"|"*a"|integer
---@param prefix? string
---@return string|nil data, string? err
function Socket:receive(pattern, prefix) end
function Socket:close() end
---@return string|nil
function Socket:getpeername() end
---@return string|nil
function Socket:getsockname() end
---@return integer
function Socket:settimeout(seconds) end
function Socket:setoption(...) end

---@alias HTTPClientRequest {url: string, headers?: table<string, string[]>, body?: string, timeout?: integer, dst?: string}
---@alias HTTPClientResponse {status: integer, reason: string, headers: HeaderTable, body: string}

---@class HTTPClient
local HTTPClient = {}
---@param req HTTPClientRequest
---@return HTTPClientResponse
function HTTPClient:get(req) end
---@param req HTTPClientRequest
---@return HTTPClientResponse
function HTTPClient:head(req) end
---@param req HTTPClientRequest
---@return HTTPClientResponse
function HTTPClient:put(req) end
---@param req HTTPClientRequest
---@return HTTPClientResponse
function HTTPClient:post(req) end
---@param req HTTPClientRequest
---@return HTTPClientResponse
function HTTPClient:delete(req) end

---@class HTTPMessage
---@field channel Channel
local HTTPMessage = {}
---@return boolean
function HTTPMessage:is_resp() end
---@return table
function HTTPMessage:get_stline() end
---@return HeaderTable
function HTTPMessage:get_headers() end
function HTTPMessage:add_header(name, value) end
function HTTPMessage:set_header(name, value) end
function HTTPMessage:del_header(name) end
function HTTPMessage:rep_header(name, regex, replace) end
function HTTPMessage:rep_value(name, regex, replace) end
---@return boolean
function HTTPMessage:set_method(method) end
---@return boolean
function HTTPMessage:set_path(path) end
---@return boolean
function HTTPMessage:set_query(query) end
---@return boolean
function HTTPMessage:set_uri(uri) end
---@return boolean
function HTTPMessage:set_status(status, reason) end
---@return string|nil
function HTTPMessage:body(offset, length) end
---@return integer
function HTTPMessage:append(data) end
---@return integer
function HTTPMessage:prepend(data) end
---@return integer
function HTTPMessage:insert(data, offset) end
---@return integer
function HTTPMessage:remove(offset, length) end
---@return integer
function HTTPMessage:set(data, offset, length) end
---@return integer
function HTTPMessage:send(data) end
---@return integer
function HTTPMessage:forward(length) end
---@return integer
function HTTPMessage:input() end
---@return integer
function HTTPMessage:output() end
---@return boolean
function HTTPMessage:eom() end
function HTTPMessage:set_eom() end
function HTTPMessage:unset_eom() end
---@return boolean
function HTTPMessage:is_full() end
---@return boolean
function HTTPMessage:may_recv() end

---@class Fetches
---@field always_false fun(self: Fetches, ...: string|integer): any
---@field always_true fun(self: Fetches, ...: string|integer): any
---@field avg_queue fun(self: Fetches, ...: string|integer): any
---@field base fun(self: Fetches, ...: string|integer): any
---@field base32 fun(self: Fetches, ...: string|integer): any
---@field base32_src fun(self: Fetches, ...: string|integer): any
---@field baseq fun(self: Fetches, ...: string|integer): any
---@field bc_dst fun(self: Fetches, ...: string|integer): any
---@field bc_dst_port fun(self: Fetches, ...: string|integer): any
---@field bc_err fun(self: Fetches, ...: string|integer): any
---@field bc_err_str fun(self: Fetches, ...: string|integer): any
---@field bc_http_major fun(self: Fetches, ...: string|integer): any
---@field bc_src fun(self: Fetches, ...: string|integer): any
---@field bc_src_port fun(self: Fetches, ...: string|integer): any
---@field be_conn fun(self: Fetches, ...: string|integer): any
---@field be_conn_free fun(self: Fetches, ...: string|integer): any
---@field be_id fun(self: Fetches, ...: string|integer): any
---@field be_name fun(self: Fetches, ...: string|integer): any
---@field be_server_timeout fun(self: Fetches, ...: string|integer): any
---@field be_sess_rate fun(self: Fetches, ...: string|integer): any
---@field be_tunnel_timeout fun(self: Fetches, ...: string|integer): any
---@field bin fun(self: Fetches, ...: string|integer): any
---@field bool fun(self: Fetches, ...: string|integer): any
---@field capture_req_hdr fun(self: Fetches, ...: string|integer): any
---@field capture_req_method fun(self: Fetches, ...: string|integer): any
---@field capture_req_uri fun(self: Fetches, ...: string|integer): any
---@field capture_req_ver fun(self: Fetches, ...: string|integer): any
---@field capture_res_hdr fun(self: Fetches, ...: string|integer): any
---@field capture_res_ver fun(self: Fetches, ...: string|integer): any
---@field connslots fun(self: Fetches, ...: string|integer): any
---@field cook fun(self: Fetches, ...: string|integer): any
---@field cook_cnt fun(self: Fetches, ...: string|integer): any
---@field cook_val fun(self: Fetches, ...: string|integer): any
---@field cookie fun(self: Fetches, ...: string|integer): any
---@field cpu_calls fun(self: Fetches, ...: string|integer): any
---@field cpu_ns_avg fun(self: Fetches, ...: string|integer): any
---@field cpu_ns_tot fun(self: Fetches, ...: string|integer): any
---@field cur_server_timeout fun(self: Fetches, ...: string|integer): any
---@field cur_tunnel_timeout fun(self: Fetches, ...: string|integer): any
---@field date fun(self: Fetches, ...: string|integer): any
---@field date_us fun(self: Fetches, ...: string|integer): any
---@field distcc_body fun(self: Fetches, ...: string|integer): any
---@field distcc_param fun(self: Fetches, ...: string|integer): any
---@field dst fun(self: Fetches, ...: string|integer): any
---@field dst_conn fun(self: Fetches, ...: string|integer): any
---@field dst_is_local fun(self: Fetches, ...: string|integer): any
---@field dst_port fun(self: Fetches, ...: string|integer): any
---@field env fun(self: Fetches, ...: string|integer): any
---@field fc_dst fun(self: Fetches, ...: string|integer): any
---@field fc_dst_is_local fun(self: Fetches, ...: string|integer): any
---@field fc_dst_port fun(self: Fetches, ...: string|integer): any
---@field fc_err fun(self: Fetches, ...: string|integer): any
---@field fc_err_str fun(self: Fetches, ...: string|integer): any
---@field fc_fackets fun(self: Fetches, ...: string|integer): any
---@field fc_http_major fun(self: Fetches, ...: string|integer): any
---@field fc_lost fun(self: Fetches, ...: string|integer): any
---@field fc_pp_authority fun(self: Fetches, ...: string|integer): any
---@field fc_pp_unique_id fun(self: Fetches, ...: string|integer): any
---@field fc_rcvd_proxy fun(self: Fetches, ...: string|integer): any
---@field fc_reordering fun(self: Fetches, ...: string|integer): any
---@field fc_retrans fun(self: Fetches, ...: string|integer): any
---@field fc_rtt fun(self: Fetches, ...: string|integer): any
---@field fc_rttvar fun(self: Fetches, ...: string|integer): any
---@field fc_sacked fun(self: Fetches, ...: string|integer): any
---@field fc_src fun(self: Fetches, ...: string|integer): any
---@field fc_src_is_local fun(self: Fetches, ...: string|integer): any
---@field fc_src_port fun(self: Fetches, ...: string|integer): any
---@field fc_unacked fun(self: Fetches, ...: string|integer): any
---@field fcgi_docroot fun(self: Fetches, ...: string|integer): any
---@field fcgi_index fun(self: Fetches, ...: string|integer): any
---@field fe_client_timeout fun(self: Fetches, ...: string|integer): any
---@field fe_conn fun(self: Fetches, ...: string|integer): any
---@field fe_defbe fun(self: Fetches, ...: string|integer): any
---@field fe_id fun(self: Fetches, ...: string|integer): any
---@field fe_name fun(self: Fetches, ...: string|integer): any
---@field fe_req_rate fun(self: Fetches, ...: string|integer): any
---@field fe_sess_rate fun(self: Fetches, ...: string|integer): any
---@field hdr fun(self: Fetches, ...: string|integer): any
---@field hdr_cnt fun(self: Fetches, ...: string|integer): any
---@field hdr_ip fun(self: Fetches, ...: string|integer): any
---@field hdr_val fun(self: Fetches, ...: string|integer): any
---@field hostname fun(self: Fetches, ...: string|integer): any
---@field http_auth fun(self: Fetches, ...: string|integer): any
---@field http_auth_bearer fun(self: Fetches, ...: string|integer): any
---@field http_auth_group fun(self: Fetches, ...: string|integer): any
---@field http_auth_pass fun(self: Fetches, ...: string|integer): any
---@field http_auth_type fun(self: Fetches, ...: string|integer): any
---@field http_auth_user fun(self: Fetches, ...: string|integer): any
---@field http_first_req fun(self: Fetches, ...: string|integer): any
---@field int fun(self: Fetches, ...: string|integer): any
---@field internal_htx_blk_data fun(self: Fetches, ...: string|integer): any
---@field internal_htx_blk_hdrname fun(self: Fetches, ...: string|integer): any
---@field internal_htx_blk_hdrval fun(self: Fetches, ...: string|integer): any
---@field internal_htx_blk_size fun(self: Fetches, ...: string|integer): any
---@field internal_htx_blk_start_line fun(self: Fetches, ...: string|integer): any
---@field internal_htx_blk_type fun(self: Fetches, ...: string|integer): any
---@field internal_htx_data fun(self: Fetches, ...: string|integer): any
---@field internal_htx_free fun(self: Fetches, ...: string|integer): any
---@field internal_htx_free_data fun(self: Fetches, ...: string|integer): any
---@field internal_htx_has_eom fun(self: Fetches, ...: string|integer): any
---@field internal_htx_nbblks fun(self: Fetches, ...: string|integer): any
---@field internal_htx_size fun(self: Fetches, ...: string|integer): any
---@field internal_htx_used fun(self: Fetches, ...: string|integer): any
---@field internal_strm_is_htx fun(self: Fetches, ...: string|integer): any
---@field ipv4 fun(self: Fetches, ...: string|integer): any
---@field ipv6 fun(self: Fetches, ...: string|integer): any
---@field last_rule_file fun(self: Fetches, ...: string|integer): any
---@field last_rule_line fun(self: Fetches, ...: string|integer): any
---@field lat_ns_avg fun(self: Fetches, ...: string|integer): any
---@field lat_ns_tot fun(self: Fetches, ...: string|integer): any
---@field meth fun(self: Fetches, ...: string|integer): any
---@field method fun(self: Fetches, ...: string|integer): any
---@field nbproc fun(self: Fetches, ...: string|integer): any
---@field nbsrv fun(self: Fetches, ...: string|integer): any
---@field path fun(self: Fetches, ...: string|integer): any
---@field pathq fun(self: Fetches, ...: string|integer): any
---@field payload fun(self: Fetches, ...: string|integer): any
---@field payload_lv fun(self: Fetches, ...: string|integer): any
---@field prio_class fun(self: Fetches, ...: string|integer): any
---@field prio_offset fun(self: Fetches, ...: string|integer): any
---@field proc fun(self: Fetches, ...: string|integer): any
---@field query fun(self: Fetches, ...: string|integer): any
---@field queue fun(self: Fetches, ...: string|integer): any
---@field rand fun(self: Fetches, ...: string|integer): any
---@field rdp_cookie fun(self: Fetches, ...: string|integer): any
---@field rdp_cookie_cnt fun(self: Fetches, ...: string|integer): any
---@field rep_ssl_hello_type fun(self: Fetches, ...: string|integer): any
---@field req_body fun(self: Fetches, ...: string|integer): any
---@field req_body_len fun(self: Fetches, ...: string|integer): any
---@field req_body_param fun(self: Fetches, ...: string|integer): any
---@field req_body_size fun(self: Fetches, ...: string|integer): any
---@field req_cook fun(self: Fetches, ...: string|integer): any
---@field req_cook_cnt fun(self: Fetches, ...: string|integer): any
---@field req_cook_val fun(self: Fetches, ...: string|integer): any
---@field req_fhdr fun(self: Fetches, ...: string|integer): any
---@field req_fhdr_cnt fun(self: Fetches, ...: string|integer): any
---@field req_hdr fun(self: Fetches, ...: string|integer): any
---@field req_hdr_cnt fun(self: Fetches, ...: string|integer): any
---@field req_hdr_ip fun(self: Fetches, ...: string|integer): any
---@field req_hdr_names fun(self: Fetches, ...: string|integer): any
---@field req_hdr_val fun(self: Fetches, ...: string|integer): any
---@field req_hdrs fun(self: Fetches, ...: string|integer): any
---@field req_hdrs_bin fun(self: Fetches, ...: string|integer): any
---@field req_len fun(self: Fetches, ...: string|integer): any
---@field req_payload fun(self: Fetches, ...: string|integer): any
---@field req_payload_lv fun(self: Fetches, ...: string|integer): any
---@field req_proto_http fun(self: Fetches, ...: string|integer): any
---@field req_rdp_cookie fun(self: Fetches, ...: string|integer): any
---@field req_rdp_cookie_cnt fun(self: Fetches, ...: string|integer): any
---@field req_ssl_alpn fun(self: Fetches, ...: string|integer): any
---@field req_ssl_ec_ext fun(self: Fetches, ...: string|integer): any
---@field req_ssl_hello_type fun(self: Fetches, ...: string|integer): any
---@field req_ssl_sni fun(self: Fetches, ...: string|integer): any
---@field req_ssl_st_ext fun(self: Fetches, ...: string|integer): any
---@field req_ssl_ver fun(self: Fetches, ...: string|integer): any
---@field req_ver fun(self: Fetches, ...: string|integer): any
---@field res_body fun(self: Fetches, ...: string|integer): any
---@field res_body_len fun(self: Fetches, ...: string|integer): any
---@field res_body_size fun(self: Fetches, ...: string|integer): any
---@field res_cache_hit fun(self: Fetches, ...: string|integer): any
---@field res_cache_name fun(self: Fetches, ...: string|integer): any
---@field res_comp fun(self: Fetches, ...: string|integer): any
---@field res_comp_algo fun(self: Fetches, ...: string|integer): any
---@field res_cook fun(self: Fetches, ...: string|integer): any
---@field res_cook_cnt fun(self: Fetches, ...: string|integer): any
---@field res_cook_val fun(self: Fetches, ...: string|integer): any
---@field res_fhdr fun(self: Fetches, ...: string|integer): any
---@field res_fhdr_cnt fun(self: Fetches, ...: string|integer): any
---@field res_hdr fun(self: Fetches, ...: string|integer): any
---@field res_hdr_cnt fun(self: Fetches, ...: string|integer): any
---@field res_hdr_ip fun(self: Fetches, ...: string|integer): any
---@field res_hdr_names fun(self: Fetches, ...: string|integer): any
---@field res_hdr_val fun(self: Fetches, ...: string|integer): any
---@field res_hdrs fun(self: Fetches, ...: string|integer): any
---@field res_hdrs_bin fun(self: Fetches, ...: string|integer): any
---@field res_len fun(self: Fetches, ...: string|integer): any
---@field res_payload fun(self: Fetches, ...: string|integer): any
---@field res_payload_lv fun(self: Fetches, ...: string|integer): any
---@field res_ssl_hello_type fun(self: Fetches, ...: string|integer): any
---@field res_ver fun(self: Fetches, ...: string|integer): any
---@field resp_ver fun(self: Fetches, ...: string|integer): any
---@field sc0_bytes_in_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_bytes_out_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_clr_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc0_clr_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc0_conn_cnt fun(self: Fetches, ...: string|integer): any
---@field sc0_conn_cur fun(self: Fetches, ...: string|integer): any
---@field sc0_conn_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_get_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc0_get_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc0_get_gpt0 fun(self: Fetches, ...: string|integer): any
---@field sc0_gpc0_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_gpc1_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_http_err_cnt fun(self: Fetches, ...: string|integer): any
---@field sc0_http_err_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_http_fail_cnt fun(self: Fetches, ...: string|integer): any
---@field sc0_http_fail_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_http_req_cnt fun(self: Fetches, ...: string|integer): any
---@field sc0_http_req_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_inc_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc0_inc_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc0_kbytes_in fun(self: Fetches, ...: string|integer): any
---@field sc0_kbytes_out fun(self: Fetches, ...: string|integer): any
---@field sc0_sess_cnt fun(self: Fetches, ...: string|integer): any
---@field sc0_sess_rate fun(self: Fetches, ...: string|integer): any
---@field sc0_tracked fun(self: Fetches, ...: string|integer): any
---@field sc0_trackers fun(self: Fetches, ...: string|integer): any
---@field sc1_bytes_in_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_bytes_out_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_clr_gpc fun(self: Fetches, ...: string|integer): any
---@field sc1_clr_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc1_clr_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc1_conn_cnt fun(self: Fetches, ...: string|integer): any
---@field sc1_conn_cur fun(self: Fetches, ...: string|integer): any
---@field sc1_conn_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_get_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc1_get_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc1_get_gpt0 fun(self: Fetches, ...: string|integer): any
---@field sc1_gpc0_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_gpc1_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_http_err_cnt fun(self: Fetches, ...: string|integer): any
---@field sc1_http_err_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_http_fail_cnt fun(self: Fetches, ...: string|integer): any
---@field sc1_http_fail_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_http_req_cnt fun(self: Fetches, ...: string|integer): any
---@field sc1_http_req_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_inc_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc1_inc_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc1_kbytes_in fun(self: Fetches, ...: string|integer): any
---@field sc1_kbytes_out fun(self: Fetches, ...: string|integer): any
---@field sc1_sess_cnt fun(self: Fetches, ...: string|integer): any
---@field sc1_sess_rate fun(self: Fetches, ...: string|integer): any
---@field sc1_tracked fun(self: Fetches, ...: string|integer): any
---@field sc1_trackers fun(self: Fetches, ...: string|integer): any
---@field sc2_bytes_in_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_bytes_out_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_clr_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc2_clr_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc2_conn_cnt fun(self: Fetches, ...: string|integer): any
---@field sc2_conn_cur fun(self: Fetches, ...: string|integer): any
---@field sc2_conn_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_get_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc2_get_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc2_get_gpt0 fun(self: Fetches, ...: string|integer): any
---@field sc2_gpc0_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_gpc1_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_http_err_cnt fun(self: Fetches, ...: string|integer): any
---@field sc2_http_err_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_http_fail_cnt fun(self: Fetches, ...: string|integer): any
---@field sc2_http_fail_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_http_req_cnt fun(self: Fetches, ...: string|integer): any
---@field sc2_http_req_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_inc_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc2_inc_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc2_kbytes_in fun(self: Fetches, ...: string|integer): any
---@field sc2_kbytes_out fun(self: Fetches, ...: string|integer): any
---@field sc2_sess_cnt fun(self: Fetches, ...: string|integer): any
---@field sc2_sess_rate fun(self: Fetches, ...: string|integer): any
---@field sc2_tracked fun(self: Fetches, ...: string|integer): any
---@field sc2_trackers fun(self: Fetches, ...: string|integer): any
---@field sc_bytes_in_rate fun(self: Fetches, ...: string|integer): any
---@field sc_bytes_out_rate fun(self: Fetches, ...: string|integer): any
---@field sc_clr_gpc fun(self: Fetches, ...: string|integer): any
---@field sc_clr_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc_clr_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc_conn_cnt fun(self: Fetches, ...: string|integer): any
---@field sc_conn_cur fun(self: Fetches, ...: string|integer): any
---@field sc_conn_rate fun(self: Fetches, ...: string|integer): any
---@field sc_get_gpc fun(self: Fetches, ...: string|integer): any
---@field sc_get_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc_get_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc_get_gpt fun(self: Fetches, ...: string|integer): any
---@field sc_get_gpt0 fun(self: Fetches, ...: string|integer): any
---@field sc_gpc0_rate fun(self: Fetches, ...: string|integer): any
---@field sc_gpc1_rate fun(self: Fetches, ...: string|integer): any
---@field sc_gpc_rate fun(self: Fetches, ...: string|integer): any
---@field sc_http_err_cnt fun(self: Fetches, ...: string|integer): any
---@field sc_http_err_rate fun(self: Fetches, ...: string|integer): any
---@field sc_http_fail_cnt fun(self: Fetches, ...: string|integer): any
---@field sc_http_fail_rate fun(self: Fetches, ...: string|integer): any
---@field sc_http_req_cnt fun(self: Fetches, ...: string|integer): any
---@field sc_http_req_rate fun(self: Fetches, ...: string|integer): any
---@field sc_inc_gpc fun(self: Fetches, ...: string|integer): any
---@field sc_inc_gpc0 fun(self: Fetches, ...: string|integer): any
---@field sc_inc_gpc1 fun(self: Fetches, ...: string|integer): any
---@field sc_kbytes_in fun(self: Fetches, ...: string|integer): any
---@field sc_kbytes_out fun(self: Fetches, ...: string|integer): any
---@field sc_sess_cnt fun(self: Fetches, ...: string|integer): any
---@field sc_sess_rate fun(self: Fetches, ...: string|integer): any
---@field sc_tracked fun(self: Fetches, ...: string|integer): any
---@field sc_trackers fun(self: Fetches, ...: string|integer): any
---@field scook fun(self: Fetches, ...: string|integer): any
---@field scook_cnt fun(self: Fetches, ...: string|integer): any
---@field scook_val fun(self: Fetches, ...: string|integer): any
---@field shdr fun(self: Fetches, ...: string|integer): any
---@field shdr_cnt fun(self: Fetches, ...: string|integer): any
---@field shdr_ip fun(self: Fetches, ...: string|integer): any
---@field shdr_val fun(self: Fetches, ...: string|integer): any
---@field so_id fun(self: Fetches, ...: string|integer): any
---@field so_name fun(self: Fetches, ...: string|integer): any
---@field src fun(self: Fetches, ...: string|integer): any
---@field src_bytes_in_rate fun(self: Fetches, ...: string|integer): any
---@field src_bytes_out_rate fun(self: Fetches, ...: string|integer): any
---@field src_clr_gpc fun(self: Fetches, ...: string|integer): any
---@field src_clr_gpc0 fun(self: Fetches, ...: string|integer): any
---@field src_clr_gpc1 fun(self: Fetches, ...: string|integer): any
---@field src_conn_cnt fun(self: Fetches, ...: string|integer): any
---@field src_conn_cur fun(self: Fetches, ...: string|integer): any
---@field src_conn_rate fun(self: Fetches, ...: string|integer): any
---@field src_get_gpc fun(self: Fetches, ...: string|integer): any
---@field src_get_gpc0 fun(self: Fetches, ...: string|integer): any
---@field src_get_gpc1 fun(self: Fetches, ...: string|integer): any
---@field src_get_gpt fun(self: Fetches, ...: string|integer): any
---@field src_get_gpt0 fun(self: Fetches, ...: string|integer): any
---@field src_gpc0_rate fun(self: Fetches, ...: string|integer): any
---@field src_gpc1_rate fun(self: Fetches, ...: string|integer): any
---@field src_gpc_rate fun(self: Fetches, ...: string|integer): any
---@field src_http_err_cnt fun(self: Fetches, ...: string|integer): any
---@field src_http_err_rate fun(self: Fetches, ...: string|integer): any
---@field src_http_fail_cnt fun(self: Fetches, ...: string|integer): any
---@field src_http_fail_rate fun(self: Fetches, ...: string|integer): any
---@field src_http_req_cnt fun(self: Fetches, ...: string|integer): any
---@field src_http_req_rate fun(self: Fetches, ...: string|integer): any
---@field src_inc_gpc fun(self: Fetches, ...: string|integer): any
---@field src_inc_gpc0 fun(self: Fetches, ...: string|integer): any
---@field src_inc_gpc1 fun(self: Fetches, ...: string|integer): any
---@field src_is_local fun(self: Fetches, ...: string|integer): any
---@field src_kbytes_in fun(self: Fetches, ...: string|integer): any
---@field src_kbytes_out fun(self: Fetches, ...: string|integer): any
---@field src_port fun(self: Fetches, ...: string|integer): any
---@field src_sess_cnt fun(self: Fetches, ...: string|integer): any
---@field src_sess_rate fun(self: Fetches, ...: string|integer): any
---@field src_updt_conn_cnt fun(self: Fetches, ...: string|integer): any
---@field srv_conn fun(self: Fetches, ...: string|integer): any
---@field srv_conn_free fun(self: Fetches, ...: string|integer): any
---@field srv_id fun(self: Fetches, ...: string|integer): any
---@field srv_is_up fun(self: Fetches, ...: string|integer): any
---@field srv_iweight fun(self: Fetches, ...: string|integer): any
---@field srv_name fun(self: Fetches, ...: string|integer): any
---@field srv_queue fun(self: Fetches, ...: string|integer): any
---@field srv_sess_rate fun(self: Fetches, ...: string|integer): any
---@field srv_uweight fun(self: Fetches, ...: string|integer): any
---@field srv_weight fun(self: Fetches, ...: string|integer): any
---@field ssl_bc fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_alg_keysize fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_alpn fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_cipher fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_client_random fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_err fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_err_str fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_is_resumed fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_npn fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_protocol fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_server_random fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_session_id fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_session_key fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_unique_id fun(self: Fetches, ...: string|integer): any
---@field ssl_bc_use_keysize fun(self: Fetches, ...: string|integer): any
---@field ssl_c_ca_err fun(self: Fetches, ...: string|integer): any
---@field ssl_c_ca_err_depth fun(self: Fetches, ...: string|integer): any
---@field ssl_c_chain_der fun(self: Fetches, ...: string|integer): any
---@field ssl_c_der fun(self: Fetches, ...: string|integer): any
---@field ssl_c_err fun(self: Fetches, ...: string|integer): any
---@field ssl_c_i_dn fun(self: Fetches, ...: string|integer): any
---@field ssl_c_key_alg fun(self: Fetches, ...: string|integer): any
---@field ssl_c_notafter fun(self: Fetches, ...: string|integer): any
---@field ssl_c_notbefore fun(self: Fetches, ...: string|integer): any
---@field ssl_c_s_dn fun(self: Fetches, ...: string|integer): any
---@field ssl_c_serial fun(self: Fetches, ...: string|integer): any
---@field ssl_c_sha1 fun(self: Fetches, ...: string|integer): any
---@field ssl_c_sig_alg fun(self: Fetches, ...: string|integer): any
---@field ssl_c_used fun(self: Fetches, ...: string|integer): any
---@field ssl_c_verify fun(self: Fetches, ...: string|integer): any
---@field ssl_c_version fun(self: Fetches, ...: string|integer): any
---@field ssl_f_der fun(self: Fetches, ...: string|integer): any
---@field ssl_f_i_dn fun(self: Fetches, ...: string|integer): any
---@field ssl_f_key_alg fun(self: Fetches, ...: string|integer): any
---@field ssl_f_notafter fun(self: Fetches, ...: string|integer): any
---@field ssl_f_notbefore fun(self: Fetches, ...: string|integer): any
---@field ssl_f_s_dn fun(self: Fetches, ...: string|integer): any
---@field ssl_f_serial fun(self: Fetches, ...: string|integer): any
---@field ssl_f_sha1 fun(self: Fetches, ...: string|integer): any
---@field ssl_f_sig_alg fun(self: Fetches, ...: string|integer): any
---@field ssl_f_version fun(self: Fetches, ...: string|integer): any
---@field ssl_fc fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_alg_keysize fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_alpn fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_cipher fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_cipherlist_bin fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_cipherlist_hex fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_cipherlist_str fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_cipherlist_xxh fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_client_early_traffic_secret fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_client_handshake_traffic_secret fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_client_random fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_client_traffic_secret_0 fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_early_exporter_secret fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_ecformats_bin fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_eclist_bin fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_err fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_err_str fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_exporter_secret fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_extlist_bin fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_has_crt fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_has_early fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_has_sni fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_is_resumed fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_npn fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_protocol fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_protocol_hello_id fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_server_handshake_traffic_secret fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_server_random fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_server_traffic_secret_0 fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_session_id fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_session_key fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_sni fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_unique_id fun(self: Fetches, ...: string|integer): any
---@field ssl_fc_use_keysize fun(self: Fetches, ...: string|integer): any
---@field ssl_s_chain_der fun(self: Fetches, ...: string|integer): any
---@field ssl_s_der fun(self: Fetches, ...: string|integer): any
---@field ssl_s_i_dn fun(self: Fetches, ...: string|integer): any
---@field ssl_s_key_alg fun(self: Fetches, ...: string|integer): any
---@field ssl_s_notafter fun(self: Fetches, ...: string|integer): any
---@field ssl_s_notbefore fun(self: Fetches, ...: string|integer): any
---@field ssl_s_s_dn fun(self: Fetches, ...: string|integer): any
---@field ssl_s_serial fun(self: Fetches, ...: string|integer): any
---@field ssl_s_sha1 fun(self: Fetches, ...: string|integer): any
---@field ssl_s_sig_alg fun(self: Fetches, ...: string|integer): any
---@field ssl_s_version fun(self: Fetches, ...: string|integer): any
---@field status fun(self: Fetches, ...: string|integer): any
---@field stopping fun(self: Fetches, ...: string|integer): any
---@field str fun(self: Fetches, ...: string|integer): any
---@field table_avl fun(self: Fetches, ...: string|integer): any
---@field table_cnt fun(self: Fetches, ...: string|integer): any
---@field thread fun(self: Fetches, ...: string|integer): any
---@field unique_id fun(self: Fetches, ...: string|integer): any
---@field url fun(self: Fetches, ...: string|integer): any
---@field url32 fun(self: Fetches, ...: string|integer): any
---@field url32_src fun(self: Fetches, ...: string|integer): any
---@field url_ip fun(self: Fetches, ...: string|integer): any
---@field url_param fun(self: Fetches, ...: string|integer): any
---@field url_port fun(self: Fetches, ...: string|integer): any
---@field urlp fun(self: Fetches, ...: string|integer): any
---@field urlp_val fun(self: Fetches, ...: string|integer): any
---@field uuid fun(self: Fetches, ...: string|integer): any
---@field var fun(self: Fetches, ...: string|integer): any
---@field wait_end fun(self: Fetches, ...: string|integer): any

---@class Converters
---@field add fun(self: Converters, input: any, ...: string|integer): any
---@field add_item fun(self: Converters, input: any, ...: string|integer): any
---@field aes_gcm_dec fun(self: Converters, input: any, ...: string|integer): any
---@field aes_gcm_enc fun(self: Converters, input: any, ...: string|integer): any
---@field and fun(self: Converters, input: any, ...: string|integer): any
---@field b64dec fun(self: Converters, input: any, ...: string|integer): any
---@field base64 fun(self: Converters, input: any, ...: string|integer): any
---@field be2dec fun(self: Converters, input: any, ...: string|integer): any
---@field be2hex fun(self: Converters, input: any, ...: string|integer): any
---@field bool fun(self: Converters, input: any, ...: string|integer): any
---@field bytes fun(self: Converters, input: any, ...: string|integer): any
---@field capture_req fun(self: Converters, input: any, ...: string|integer): any
---@field capture_res fun(self: Converters, input: any, ...: string|integer): any
---@field concat fun(self: Converters, input: any, ...: string|integer): any
---@field cpl fun(self: Converters, input: any, ...: string|integer): any
---@field crc32 fun(self: Converters, input: any, ...: string|integer): any
---@field crc32c fun(self: Converters, input: any, ...: string|integer): any
---@field cut_crlf fun(self: Converters, input: any, ...: string|integer): any
---@field date fun(self: Converters, input: any, ...: string|integer): any
---@field debug fun(self: Converters, input: any, ...: string|integer): any
---@field digest fun(self: Converters, input: any, ...: string|integer): any
---@field div fun(self: Converters, input: any, ...: string|integer): any
---@field djb2 fun(self: Converters, input: any, ...: string|integer): any
---@field even fun(self: Converters, input: any, ...: string|integer): any
---@field field fun(self: Converters, input: any, ...: string|integer): any
---@field fix_is_valid fun(self: Converters, input: any, ...: string|integer): any
---@field fix_tag_value fun(self: Converters, input: any, ...: string|integer): any
---@field hex fun(self: Converters, input: any, ...: string|integer): any
---@field hex2i fun(self: Converters, input: any, ...: string|integer): any
---@field hmac fun(self: Converters, input: any, ...: string|integer): any
---@field host_only fun(self: Converters, input: any, ...: string|integer): any
---@field htonl fun(self: Converters, input: any, ...: string|integer): any
---@field http_date fun(self: Converters, input: any, ...: string|integer): any
---@field iif fun(self: Converters, input: any, ...: string|integer): any
---@field in_table fun(self: Converters, input: any, ...: string|integer): any
---@field ipmask fun(self: Converters, input: any, ...: string|integer): any
---@field json fun(self: Converters, input: any, ...: string|integer): any
---@field json_query fun(self: Converters, input: any, ...: string|integer): any
---@field jwt_header_query fun(self: Converters, input: any, ...: string|integer): any
---@field jwt_payload_query fun(self: Converters, input: any, ...: string|integer): any
---@field jwt_verify fun(self: Converters, input: any, ...: string|integer): any
---@field language fun(self: Converters, input: any, ...: string|integer): any
---@field length fun(self: Converters, input: any, ...: string|integer): any
---@field lower fun(self: Converters, input: any, ...: string|integer): any
---@field ltime fun(self: Converters, input: any, ...: string|integer): any
---@field ltrim fun(self: Converters, input: any, ...: string|integer): any
---@field map fun(self: Converters, input: any, ...: string|integer): any
---@field map_beg fun(self: Converters, input: any, ...: string|integer): any
---@field map_beg_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_beg_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_beg_key fun(self: Converters, input: any, ...: string|integer): any
---@field map_dir fun(self: Converters, input: any, ...: string|integer): any
---@field map_dir_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_dir_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_dir_key fun(self: Converters, input: any, ...: string|integer): any
---@field map_dom fun(self: Converters, input: any, ...: string|integer): any
---@field map_dom_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_dom_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_dom_key fun(self: Converters, input: any, ...: string|integer): any
---@field map_end fun(self: Converters, input: any, ...: string|integer): any
---@field map_end_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_end_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_end_key fun(self: Converters, input: any, ...: string|integer): any
---@field map_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_int_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_int_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_int_key fun(self: Converters, input: any, ...: string|integer): any
---@field map_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_ip_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_ip_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_ip_key fun(self: Converters, input: any, ...: string|integer): any
---@field map_reg fun(self: Converters, input: any, ...: string|integer): any
---@field map_reg_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_reg_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_reg_key fun(self: Converters, input: any, ...: string|integer): any
---@field map_regm fun(self: Converters, input: any, ...: string|integer): any
---@field map_str fun(self: Converters, input: any, ...: string|integer): any
---@field map_str_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_str_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_str_key fun(self: Converters, input: any, ...: string|integer): any
---@field map_sub fun(self: Converters, input: any, ...: string|integer): any
---@field map_sub_int fun(self: Converters, input: any, ...: string|integer): any
---@field map_sub_ip fun(self: Converters, input: any, ...: string|integer): any
---@field map_sub_key fun(self: Converters, input: any, ...: string|integer): any
---@field mod fun(self: Converters, input: any, ...: string|integer): any
---@field mqtt_field_value fun(self: Converters, input: any, ...: string|integer): any
---@field mqtt_is_valid fun(self: Converters, input: any, ...: string|integer): any
---@field ms_ltime fun(self: Converters, input: any, ...: string|integer): any
---@field ms_utime fun(self: Converters, input: any, ...: string|integer): any
---@field mul fun(self: Converters, input: any, ...: string|integer): any
---@field nbsrv fun(self: Converters, input: any, ...: string|integer): any
---@field neg fun(self: Converters, input: any, ...: string|integer): any
---@field not fun(self: Converters, input: any, ...: string|integer): any
---@field odd fun(self: Converters, input: any, ...: string|integer): any
---@field or fun(self: Converters, input: any, ...: string|integer): any
---@field param fun(self: Converters, input: any, ...: string|integer): any
---@field port_only fun(self: Converters, input: any, ...: string|integer): any
---@field protobuf fun(self: Converters, input: any, ...: string|integer): any
---@field regsub fun(self: Converters, input: any, ...: string|integer): any
---@field rfc7239_field fun(self: Converters, input: any, ...: string|integer): any
---@field rfc7239_is_valid fun(self: Converters, input: any, ...: string|integer): any
---@field rfc7239_n2nn fun(self: Converters, input: any, ...: string|integer): any
---@field rfc7239_n2np fun(self: Converters, input: any, ...: string|integer): any
---@field rfc7239_nn fun(self: Converters, input: any, ...: string|integer): any
---@field rfc7239_np fun(self: Converters, input: any, ...: string|integer): any
---@field rtrim fun(self: Converters, input: any, ...: string|integer): any
---@field sdbm fun(self: Converters, input: any, ...: string|integer): any
---@field secure_memcmp fun(self: Converters, input: any, ...: string|integer): any
---@field set_var fun(self: Converters, input: any, ...: string|integer): any
---@field sha1 fun(self: Converters, input: any, ...: string|integer): any
---@field sha2 fun(self: Converters, input: any, ...: string|integer): any
---@field srv_queue fun(self: Converters, input: any, ...: string|integer): any
---@field strcmp fun(self: Converters, input: any, ...: string|integer): any
---@field sub fun(self: Converters, input: any, ...: string|integer): any
---@field table_bytes_in_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_bytes_out_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_clr_gpc fun(self: Converters, input: any, ...: string|integer): any
---@field table_clr_gpc0 fun(self: Converters, input: any, ...: string|integer): any
---@field table_clr_gpc1 fun(self: Converters, input: any, ...: string|integer): any
---@field table_conn_cnt fun(self: Converters, input: any, ...: string|integer): any
---@field table_conn_cur fun(self: Converters, input: any, ...: string|integer): any
---@field table_conn_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_expire fun(self: Converters, input: any, ...: string|integer): any
---@field table_glitch_cnt fun(self: Converters, input: any, ...: string|integer): any
---@field table_glitch_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_gpc fun(self: Converters, input: any, ...: string|integer): any
---@field table_gpc0 fun(self: Converters, input: any, ...: string|integer): any
---@field table_gpc0_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_gpc1 fun(self: Converters, input: any, ...: string|integer): any
---@field table_gpc1_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_gpc_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_gpt fun(self: Converters, input: any, ...: string|integer): any
---@field table_gpt0 fun(self: Converters, input: any, ...: string|integer): any
---@field table_http_err_cnt fun(self: Converters, input: any, ...: string|integer): any
---@field table_http_err_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_http_fail_cnt fun(self: Converters, input: any, ...: string|integer): any
---@field table_http_fail_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_http_req_cnt fun(self: Converters, input: any, ...: string|integer): any
---@field table_http_req_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_idle fun(self: Converters, input: any, ...: string|integer): any
---@field table_inc_gpc fun(self: Converters, input: any, ...: string|integer): any
---@field table_inc_gpc0 fun(self: Converters, input: any, ...: string|integer): any
---@field table_inc_gpc1 fun(self: Converters, input: any, ...: string|integer): any
---@field table_kbytes_in fun(self: Converters, input: any, ...: string|integer): any
---@field table_kbytes_out fun(self: Converters, input: any, ...: string|integer): any
---@field table_server_id fun(self: Converters, input: any, ...: string|integer): any
---@field table_sess_cnt fun(self: Converters, input: any, ...: string|integer): any
---@field table_sess_rate fun(self: Converters, input: any, ...: string|integer): any
---@field table_trackers fun(self: Converters, input: any, ...: string|integer): any
---@field ub64dec fun(self: Converters, input: any, ...: string|integer): any
---@field ub64enc fun(self: Converters, input: any, ...: string|integer): any
---@field ungrpc fun(self: Converters, input: any, ...: string|integer): any
---@field unset_var fun(self: Converters, input: any, ...: string|integer): any
---@field upper fun(self: Converters, input: any, ...: string|integer): any
---@field url_dec fun(self: Converters, input: any, ...: string|integer): any
---@field url_enc fun(self: Converters, input: any, ...: string|integer): any
---@field us_ltime fun(self: Converters, input: any, ...: string|integer): any
---@field us_utime fun(self: Converters, input: any, ...: string|integer): any
---@field utime fun(self: Converters, input: any, ...: string|integer): any
---@field when fun(self: Converters, input: any, ...: string|integer): any
---@field word fun(self: Converters, input: any, ...: string|integer): any
---@field wt6 fun(self: Converters, input: any, ...: string|integer): any
---@field x509_v_err_str fun(self: Converters, input: any, ...: string|integer): any
---@field xor fun(self: Converters, input: any, ...: string|integer): any
---@field xxh3 fun(self: Converters, input: any, ...: string|integer): any
---@field xxh32 fun(self: Converters, input: any, ...: string|integer): any
---@field xxh64 fun(self: Converters, input: any, ...: string|integer): any
