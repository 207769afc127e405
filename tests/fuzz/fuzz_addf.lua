-- Driver of fuzz_addf.c: decode the input into a format and arguments, run
-- string.format and b:addf, return nil when they agree, else what differs.
-- Agreement (docs/concat.md): wherever string.format accepts the format,
-- addf gives the same bytes, except that addf refuses modifiers on %q,
-- which 5.3 ignores. addf may accept a few formats string.format refuses
-- (%F under 5.3, flags 5.4 checks more strictly).
local concat = ...
local sunpack, sformat = string.unpack, string.format

-- input: <fmt length byte> <fmt> then arguments, each a tag byte and data
local function decode(s)
  local n = s:byte(1) or 0
  local fmt = s:sub(2, 1 + n)
  local args, na, i = {}, 0, 2 + n
  while i <= #s and na < 8 do
    local tag, v = s:byte(i) % 6, nil
    i = i + 1
    if tag == 0 and i + 7 <= #s then
      v = sunpack("<i8", s, i); i = i + 8
    elseif tag == 1 and i + 7 <= #s then
      v = sunpack("<d", s, i); i = i + 8
    elseif tag == 2 then
      local l = (s:byte(i) or 0) % 40
      v = s:sub(i + 1, i + l); i = i + 1 + l
    elseif tag == 3 then
      v = (s:byte(i) or 0) % 2 == 1; i = i + 1
    elseif tag == 5 then
      v = (s:byte(i) or 0) - 128; i = i + 1
    end                                   -- tag 4 (or short data): nil
    na = na + 1
    args[na] = v
  end
  args.n = na
  return fmt, args
end

return function(s)
  local fmt, args = decode(s)
  local n = args.n
  local ok1, r1 = pcall(sformat, fmt, table.unpack(args, 1, n))
  local b = concat.new()
  local ok2, r2 = pcall(b.addf, b, fmt, table.unpack(args, 1, n))
  if ok2 then r2 = b:dump() end
  if ok1 and ok2 and r1 ~= r2 then
    return sformat("addf(%q) gave %q, string.format %q", fmt, r2, r1)
  end
  if ok1 and not ok2 and not (_VERSION == "Lua 5.3" and r2 == "specifier '%q' cannot have modifiers") then
    return sformat("addf(%q) raised %q where string.format gave %q", fmt, tostring(r2), r1)
  end
  return nil
end
