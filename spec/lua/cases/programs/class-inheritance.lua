local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  c.super = parent
  return c
end
local Animal = class()
function Animal:init(name) self.name = name end
function Animal:speak() return self.name .. " makes " .. self:sound() end
function Animal:sound() return "a sound" end
local Dog = class(Animal)
function Dog:init(name, breed) Animal.init(self, name) self.breed = breed end
function Dog:sound() return "woof" end
local Puppy = class(Dog)
function Puppy:sound() return Dog.sound(self) .. " (squeaky)" end
local a, d, p = Animal.new("generic"), Dog.new("rex", "lab"), Puppy.new("bit", "pug")
print(a:speak())
print(d:speak(), d.breed)
print(p:speak(), p.breed, p.name)
print(getmetatable(p) == Puppy, Puppy.super == Dog, Dog.super == Animal)
local function isinstance(o, c)
  local m = getmetatable(o)
  while m do if m == c then return true end m = m.super end
  return false
end
print(isinstance(p, Animal), isinstance(d, Puppy), isinstance(a, Dog))
Animal.describe = function(self) return "I am " .. self.name end
print(p:describe())
