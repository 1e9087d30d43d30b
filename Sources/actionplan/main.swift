import ActionPlanCore
print("actionplan")
