if 1 != 2 then end
