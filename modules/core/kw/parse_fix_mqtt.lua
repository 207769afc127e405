-- FIX and MQTT message parsing for the fix_* and mqtt_* converters.
local sbyte, sformat = string.byte, string.format

local SOH = "\1"

local FIX_NAMES = { msgtype = 35, checksum = 10, bodylength = 9, targetcompid = 56,
                    beginstring = 8, sendercompid = 49 }

-- highest tag id each BeginString allows (10000..19999 are user tags)
local FIX_VERSIONS = { ["FIX.4.0"] = 140, ["FIX.4.1"] = 211, ["FIX.4.2"] = 446,
                       ["FIX.4.3"] = 659, ["FIX.4.4"] = 956, ["FIXT.1.1"] = 1621 }

local function fix_id(tag, maxid)
  if not tag:match("^%d+$") then return nil end
  local id = tonumber(tag)
  if id == 0 or id > 0xffffffff then return nil end
  if maxid and not (id >= 10000 and id <= 19999) and id > maxid then return nil end
  return id
end

-- Next field at p: tag, value, position after the SOH; "more" when the
-- field is not complete; nil when it is malformed.
local function fix_field(m, p)
  local eq = m:find("=", p, true)
  local soh = m:find(SOH, eq or p, true)
  if not eq or not soh then
    -- HAProxy looks for '=' then for SOH after it; either missing = more data
    return "more"
  end
  local tag, value = m:sub(p, eq - 1), m:sub(eq + 1, soh - 1)
  -- HAProxy's emptiness test counts the '=': only an empty tag is refused
  if tag == "" then return nil end
  return tag, value, soh + 1
end

-- 1 valid, 0 need more data, -1 invalid.
local function fix_validate(m)
  if #m < 26 then return 0 end
  local p, n, sum, maxid, bodylen, body = 1, 0, 0, nil, nil, nil
  while p <= #m do
    local tag, value, np = fix_field(m, p)
    if tag == "more" then return 0 end
    if not tag then return -1 end
    local id = fix_id(tag, maxid)
    if not id then return -1 end
    n = n + 1
    if n == 1 then
      if id ~= 8 then return -1 end
      maxid = FIX_VERSIONS[value]
      if not maxid then return -1 end
    elseif n == 2 then
      if id ~= 9 or not value:match("^%d+$") or tonumber(value) == 0 then return -1 end
      bodylen, body = tonumber(value), np
    elseif n == 3 then
      if id ~= 35 then return -1 end
    elseif id == 10 then
      if bodylen ~= p - body or #value ~= 3 then return -1 end
      local v = value:match("^%d+") and tonumber(value:match("^%d+")) or 0
      if sum % 256 ~= v then return -1 end
      return 1
    end
    for i = p, np - 1 do sum = sum + sbyte(m, i) end
    p = np
  end
  return body and 0 or -1
end

-- value, or false (need more data), or nil (absent or malformed)
local function fix_value(m, want)
  local p = 1
  while p <= #m do
    local tag, value, np = fix_field(m, p)
    if tag == "more" then return false end
    if not tag then return nil end
    local id = fix_id(tag)
    if not id then return nil end
    if id == want then return value ~= "" and value end -- empty = need more data
    if id == 10 then return nil end
    p = np
  end
  return false
end

local CPT = { CONNECT = 1, CONNACK = 2, PUBLISH = 3, PUBACK = 4, PUBREC = 5, PUBREL = 6,
              PUBCOMP = 7, SUBSCRIBE = 8, SUBACK = 9, UNSUBSCRIBE = 10, UNSUBACK = 11,
              PINGREQ = 12, PINGRESP = 13, DISCONNECT = 14, AUTH = 15 }

local CPT_FLAGS = { [1] = 0, [2] = 0, [3] = "any", [4] = 0, [5] = 0, [6] = 2, [7] = 0, [8] = 2,
                    [9] = 0, [10] = 2, [11] = 0, [12] = 0, [13] = 0, [14] = 0, [15] = 0 }

-- field names each packet type accepts in mqtt_field_value's check
local function set(list) local t = {} for _, v in ipairs(list) do t[v] = true end return t end

local MQTT_FIELDS = {
  [1] = set({ "protocol_name", "protocol_version", "flags", "keepalive", "17", "33", "39", "34",
              "25", "23", "38", "21", "22", "client_identifier", "24", "1", "2", "3", "8", "9",
              "will_topic", "will_payload", "username", "password" }),
  [2] = set({ "flags", "protocol_version", "reason_code", "17", "33", "36", "37", "39", "18",
              "34", "31", "40", "41", "42", "19", "26", "28", "38", "21", "22" }),
  [3] = set({ "1", "2", "3", "8", "9", "11", "35", "38" }),
  [4] = set({ "reason_code", "31", "38" }), [5] = set({ "reason_code", "31", "38" }),
  [6] = set({ "reason_code", "31", "38" }), [7] = set({ "reason_code", "31", "38" }),
  [8] = set({ "11", "38" }), [9] = set({ "31", "38" }), [10] = set({ "38" }),
  [11] = set({ "31", "38" }), [12] = {}, [13] = {},
  [14] = set({ "reason_code", "17", "28", "31", "38" }), [15] = set({ "21", "22", "31", "38" }),
}

local function be_int(m, p, n)
  if p + n - 1 > #m then return nil end
  local v = 0
  for i = p, p + n - 1 do v = (v << 8) | sbyte(m, i) end
  return v, p + n
end

local function mqtt_string(m, p)
  local len = be_int(m, p, 2)
  if not len or p + 1 + len > #m then return nil end
  return m:sub(p + 2, p + 1 + len), p + 2 + len
end

-- varint of at most 4 bytes; a 4th byte with the continuation bit is an error
local function mqtt_varint(m, p)
  local v, shift = 0, 0
  for off = 0, 3 do
    if p > #m then return v, p end
    local b = sbyte(m, p)
    v = v + ((b & 127) << shift)
    shift = shift + 7
    p = p + 1
    if b <= 127 then return v, p end
    if off == 3 then return nil end
  end
end

-- property id -> reader kind, and the value checks HAProxy applies
local PROP_KIND = { [0x11] = 4, [0x21] = 2, [0x27] = 4, [0x22] = 2, [0x19] = 1, [0x17] = 1,
                    [0x15] = "s", [0x16] = "s", [0x18] = 4, [0x01] = 1, [0x02] = 4, [0x03] = "s",
                    [0x08] = "s", [0x09] = "s", [0x24] = 1, [0x25] = 1, [0x12] = "s", [0x1F] = "s",
                    [0x28] = 1, [0x29] = 1, [0x2A] = 1, [0x13] = 2, [0x1A] = "s", [0x1C] = "s",
                    [0x26] = "pair" }

local CONNECT_PROPS = set({ 0x11, 0x21, 0x27, 0x22, 0x19, 0x17, 0x26, 0x15, 0x16 })

local WILL_PROPS = set({ 0x18, 0x01, 0x02, 0x03, 0x08, 0x09, 0x26 })

local CONNACK_PROPS = set({ 0x11, 0x21, 0x24, 0x25, 0x27, 0x12, 0x22, 0x1F, 0x28, 0x29, 0x2A,
                            0x13, 0x1A, 0x1C, 0x26, 0x15, 0x16 })

local NONZERO = set({ 0x21, 0x27 })

local BOOLEAN = set({ 0x19, 0x17, 0x01, 0x24, 0x25, 0x28, 0x29, 0x2A })

-- Properties block at p: table id -> value, next position; nil if invalid;
-- "more" for an id the CONNACK parser does not know (2.6 reports "need
-- more data" there).
local function mqtt_props(m, p, allowed, unknown)
  local plen
  plen, p = mqtt_varint(m, p)
  if not plen or p + plen - 1 > #m then return nil end
  local stop, props = p + plen, {}
  while p < stop do
    local id = sbyte(m, p)
    if not allowed[id] then return unknown end
    local kind = PROP_KIND[id]
    if props[id] ~= nil and kind ~= "pair" then return nil end
    local v
    if kind == "s" then v, p = mqtt_string(m, p + 1)
    elseif kind == "pair" then
      v, p = mqtt_string(m, p + 1)
      if v then v, p = mqtt_string(m, p) end
      v = v and true
    else v, p = be_int(m, p + 1, kind) end
    if v == nil or p > stop then return nil end
    if (NONZERO[id] and v == 0) or (BOOLEAN[id] and v > 1) then return nil end
    if id == 0x12 and v == "" then return nil end
    props[id] = v
  end
  return props, p
end

-- 1 valid (with the parsed packet), 0 need more data, -1 invalid.
local function mqtt_parse(m)
  if #m < 2 then return 0 end
  local b0 = sbyte(m, 1)
  local ptype, flags = b0 >> 4, b0 & 15
  local want = CPT_FLAGS[ptype]
  if not want or (want ~= "any" and flags ~= want) then return -1 end
  local rlen, p = mqtt_varint(m, 2)
  if not rlen then return -1 end
  if #m - p + 1 < rlen then return 0 end
  local start = p
  local pkt = { type = ptype }
  if ptype == 1 then
    local name
    name, p = mqtt_string(m, p)
    if not name or name:upper() ~= "MQTT" then return -1 end
    pkt.protocol_name = name
    local ver, fl, ka
    ver, p = be_int(m, p, 1)
    if not ver or ver < 3 or ver > 5 then return -1 end -- 2.6 takes level 3 too (live)
    fl, p = be_int(m, p, 1)
    if not fl or fl & 1 ~= 0 or fl & 0x3C == 0x18 then return -1 end
    ka, p = be_int(m, p, 2)
    if not ka then return -1 end
    pkt.protocol_version, pkt.flags, pkt.keepalive = ver, fl, ka
    pkt.props, pkt.will_props = {}, {}
    if ver == 5 then
      pkt.props, p = mqtt_props(m, p, CONNECT_PROPS, nil)
      if not pkt.props then return -1 end
    end
    if pkt.props[0x16] and not pkt.props[0x15] then return -1 end
    pkt.client_identifier, p = mqtt_string(m, p)
    if not pkt.client_identifier then return -1 end
    if ver == 5 and fl & 4 ~= 0 then
      pkt.will_props, p = mqtt_props(m, p, WILL_PROPS, nil)
      if not pkt.will_props then return -1 end
    end
    if fl & 4 ~= 0 then
      pkt.will_topic, p = mqtt_string(m, p)
      if not pkt.will_topic then return -1 end
      pkt.will_payload, p = mqtt_string(m, p)
      if not pkt.will_payload then return -1 end
    end
    if fl & 0x80 ~= 0 then
      pkt.username, p = mqtt_string(m, p)
      if not pkt.username then return -1 end
    end
    if fl & 0x40 ~= 0 then
      pkt.password, p = mqtt_string(m, p)
      if not pkt.password then return -1 end
    end
  elseif ptype == 2 then
    local avail = #m - p + 1
    if avail < 2 then return -1 end
    pkt.protocol_version = avail == 2 and 4 or 5
    local fl, rc
    fl, p = be_int(m, p, 1)
    if fl & 0xFE ~= 0 then return -1 end
    rc, p = be_int(m, p, 1)
    pkt.flags, pkt.reason_code, pkt.props = fl, rc, {}
    if pkt.protocol_version == 5 then
      pkt.props, p = mqtt_props(m, p, CONNACK_PROPS, "more")
      if pkt.props == "more" then return 0 end
      if not pkt.props then return -1 end
    end
  else
    return -1
  end
  if p - start ~= rlen then return -1 end
  return 1, pkt
end

local CONNECT_V5 = { ["17"] = 0x11, ["21"] = 0x15, ["22"] = 0x16, ["23"] = 0x17, ["25"] = 0x19,
                     ["33"] = 0x21, ["34"] = 0x22, ["39"] = 0x27 }

local CONNECT_WILL = { ["1"] = 0x01, ["2"] = 0x02, ["3"] = 0x03, ["8"] = 0x08, ["9"] = 0x09,
                       ["24"] = 0x18 }

local CONNACK_V5 = { ["17"] = 0x11, ["18"] = 0x12, ["19"] = 0x13, ["21"] = 0x15, ["22"] = 0x16,
                     ["26"] = 0x1A, ["28"] = 0x1C, ["31"] = 0x1F, ["33"] = 0x21, ["34"] = 0x22,
                     ["36"] = 0x24, ["37"] = 0x25, ["39"] = 0x27, ["40"] = 0x28, ["41"] = 0x29,
                     ["42"] = 0x2A }

local STRING_PROPS = set({ 0x15, 0x16, 0x03, 0x08, 0x09, 0x12, 0x1A, 0x1C, 0x1F })

-- Integer fields print in decimal (absent ones as 0); strings must be
-- non-empty to be found.
local function mqtt_value(pkt, field)
  local function out(v, is_string)
    if is_string then return (v ~= nil and v ~= "") and v or nil end
    return sformat("%d", v or 0)
  end
  if pkt.type == 1 then
    if field == "flags" or field == "protocol_version" or field == "keepalive" then
      return out(pkt[field])
    elseif field == "protocol_name" or field == "client_identifier" or field == "will_topic"
        or field == "will_payload" or field == "username" or field == "password" then
      return out(pkt[field], true)
    end
    if pkt.protocol_version ~= 5 then return nil end
    local id = CONNECT_V5[field]
    if id then return out(pkt.props[id], STRING_PROPS[id]) end
    id = CONNECT_WILL[field]
    if id and pkt.flags & 4 ~= 0 then return out(pkt.will_props[id], STRING_PROPS[id]) end
    return nil
  end
  if field == "flags" or field == "reason_code" or field == "protocol_version" then
    return out(pkt[field])
  end
  if pkt.protocol_version ~= 5 then return nil end
  local id = CONNACK_V5[field]
  if id then return out(pkt.props[id], STRING_PROPS[id]) end
  return nil
end

local function mqtt_type(s)
  local n = tonumber(s:match("^%d+") or "")
  if n and n >= 1 and n <= 15 then return n end
  return CPT[s:upper()]
end

return { fix_id = fix_id, FIX_NAMES = FIX_NAMES, MQTT_FIELDS = MQTT_FIELDS,
         fix_validate = fix_validate, fix_value = fix_value, mqtt_parse = mqtt_parse,
         mqtt_value = mqtt_value, mqtt_type = mqtt_type }
