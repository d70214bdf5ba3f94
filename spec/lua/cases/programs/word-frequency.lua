local text = [[
the quick brown fox jumps over the lazy dog the dog barks
and the fox runs away quick quick
]]
local freq = {}
for w in text:gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w in pairs(freq) do words[#words + 1] = w end
table.sort(words, function(a, b) if freq[a] ~= freq[b] then return freq[a] > freq[b] end return a < b end)
for i = 1, 6 do print(words[i], freq[words[i]]) end
print(#words)
local letters = {}
for c in text:gmatch("%a") do letters[c] = (letters[c] or 0) + 1 end
local ls = {}
for c, n in pairs(letters) do ls[#ls + 1] = c .. n end
table.sort(ls)
print(table.concat(ls, " "))
