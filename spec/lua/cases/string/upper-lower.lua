-- upper/lower change ASCII letters only; every other byte passes through
local t = {}
for c = 0, 255 do t[#t + 1] = string.char(c) end
local all = table.concat(t)
local up, low = all:upper(), all:lower()
print(#up, #low)
local changedU, changedL = {}, {}
for i = 1, 256 do
  if up:byte(i) ~= i - 1 then changedU[#changedU + 1] = (i - 1) .. ">" .. up:byte(i) end
  if low:byte(i) ~= i - 1 then changedL[#changedL + 1] = (i - 1) .. ">" .. low:byte(i) end
end
print(#changedU, table.concat(changedU, " "))
print(#changedL, table.concat(changedL, " "))
print(string.upper("Hello, World! \233\201 \255"), string.lower("Hello, World! \233\201 \255"))
print(string.upper(""), string.lower(""), string.upper(1e10), string.lower(0x7f))
print(string.format("%q", string.upper("a\0b")), #string.upper("a\0b"))
print(("MiXeD"):upper(), ("MiXeD"):lower())
print(pcall(function() return string.upper() end))
print(pcall(function() return string.lower({}) end))
