local function tobase(n, b)
  local digits = "0123456789abcdefghijklmnopqrstuvwxyz"
  if n == 0 then return "0" end
  local neg = n < 0
  if neg then n = -n end
  local out = {}
  while n > 0 do
    local d = n % b
    out[#out + 1] = digits:sub(d + 1, d + 1)
    n = math.floor(n / b)
  end
  return (neg and "-" or "") .. string.reverse(table.concat(out))
end
for _, b in ipairs({ 2, 8, 16, 36 }) do
  print(b, tobase(255, b), tobase(-1000, b), tonumber(tobase(123456, b), b))
end
for i = 2, 36 do io.write(tobase(i * i, i), " ") end print()
print(tobase(2 ^ 52, 16), tonumber("10000000000000", 16) == 2 ^ 52)
